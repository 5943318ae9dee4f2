namespace Maca.Functions.Input;

/// <summary>
/// Refuses a request body over the limit with a 413 ProblemDetails, whether it declares its length or streams it.
/// Document uploads (multipart forms) are left to their own endpoints, which set a limit of their own.
/// </summary>
public sealed class RequestSizeLimit(RequestDelegate next)
{
    public const long MaxBodyBytes = 256 * 1024;

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.HasFormContentType && context.Request.ContentType!.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }
        if (context.Request.ContentLength > MaxBodyBytes) throw TooLarge();
        if (context.Request.ContentLength is null && context.Request.Body.CanRead)
            context.Request.Body = new LimitedStream(context.Request.Body);
        await next(context);
    }

    internal static BadHttpRequestException TooLarge() =>
        new($"The request body is larger than {MaxBodyBytes / 1024} KiB. Upload documents through the upload page, not in JSON.",
            StatusCodes.Status413PayloadTooLarge);

    private sealed class LimitedStream(Stream inner) : Stream
    {
        private long _read;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default) =>
            Count(await inner.ReadAsync(buffer, ct));
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct) =>
            ReadAsync(buffer.AsMemory(offset, count), ct).AsTask();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Count(int read)
        {
            _read += read;
            return _read > MaxBodyBytes ? throw TooLarge() : read;
        }
    }
}
