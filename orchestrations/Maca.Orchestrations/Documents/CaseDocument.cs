namespace Maca.Orchestrations.Cycles;

public enum DocumentKind { Chronology, Evidence }

/// <summary>
/// A file an agency uploaded: stored privately under <see cref="Id"/>, never under its own name. The original
/// name is kept only to show people, and the SHA-256 proves later that the file is the one that was sent.
/// </summary>
public sealed record CaseDocument(string Id, string AgencyCode, DocumentKind Kind, string FileName, string Sha256, long Bytes);
