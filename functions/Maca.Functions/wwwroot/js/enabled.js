// Lets GOV.UK Frontend style for JavaScript only where the browser can run its modules; pages work without it.
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');
