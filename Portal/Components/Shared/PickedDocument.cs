namespace Portal.Components.Shared;

/// A file chosen in DocumentUpload, held in memory (at most Documents:MaxBytes) until the form is sent.
public sealed record PickedDocument(Stream Content, string FileName, long Size);
