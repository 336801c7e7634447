using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Infrastructure.Files;

namespace Infrastructure.Backups;

/// manifest.json, written last into every backup: what it holds, to check a restore against. Files are listed by their
/// path inside the backup (portal.db, documents/..., keys/...) with their size and SHA-256.
public sealed record BackupManifest(
    int Format,
    DateTime CreatedAtUtc,
    string Release,
    string Provider,
    string Migration,
    IReadOnlyDictionary<string, long> Tables,
    IReadOnlyList<BackupFile> Files,
    IReadOnlyList<string> MissingDocuments,
    KeyRingProtection KeyRing)
{
    public const string FileName = "manifest.json";

    public const int CurrentFormat = 1;

    /// This build: version and commit ("1.0.0+7bcf31c...").
    public static string CurrentRelease { get; } =
        typeof(BackupManifest).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // the release's "+" as itself
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
    };

    public static async Task<BackupManifest> ReadAsync(string backupFolder, CancellationToken ct)
    {
        var path = Path.Combine(backupFolder, FileName);
        if (!File.Exists(path))
        {
            throw new BackupException($"{backupFolder} is not a portal backup: it has no {FileName}.");
        }

        await using var file = File.OpenRead(path);
        var manifest = await JsonSerializer.DeserializeAsync<BackupManifest>(file, Json, ct);
        return manifest is { Format: CurrentFormat }
            ? manifest
            : throw new BackupException($"{path} is not a manifest this release can read (format {manifest?.Format}).");
    }

    public async Task WriteAsync(string backupFolder, CancellationToken ct)
    {
        await using var file = BackupFiles.Create(Path.Combine(backupFolder, FileName));
        await JsonSerializer.SerializeAsync(file, this, Json, ct);
    }
}

public sealed record BackupFile(string Path, long Bytes, string Sha256)
{
    public static async Task<BackupFile> OfAsync(string root, string relativePath, CancellationToken ct)
    {
        await using var file = File.OpenRead(System.IO.Path.Combine(root, relativePath));
        return new BackupFile(relativePath.Replace('\\', '/'), file.Length, Convert.ToHexStringLower(await SHA256.HashDataAsync(file, ct)));
    }
}

/// How the data-protection key ring is protected at rest, read from the key files themselves, so that whoever restores
/// knows what the keys need: nothing, or a certificate (with its private key) that the backup does not hold.
public sealed record KeyRingProtection(string Kind, string? CertificateThumbprint, string? CertificateSubject, string Note)
{
    public const string None = "None";

    public const string Certificate = "Certificate";

    public const string InDatabase = "InDatabase";
}

/// An expected failure of a backup or a restore, in words for whoever runs it.
public sealed class BackupException(string message) : Exception(message);

/// Backups hold everything, keys included: readable by the portal's account alone (PrivateFiles: 0700 folders, 0600 files).
internal static class BackupFiles
{
    public static DirectoryInfo CreateFolder(string path) => PrivateFiles.CreateFolder(path);

    public static FileStream Create(string path) => new(path, PrivateFiles.NewFile(FileMode.CreateNew));

    /// Copies a file, readable by the owner only, and describes the copy.
    public static async Task<BackupFile> CopyAsync(string source, string root, string relativePath, CancellationToken ct)
    {
        var target = Path.Combine(root, relativePath);
        CreateFolder(Path.GetDirectoryName(target)!);
        await using (var from = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 81920, useAsync: true))
        await using (var to = Create(target))
        {
            await from.CopyToAsync(to, ct);
        }

        return await BackupFile.OfAsync(root, relativePath, ct);
    }
}
