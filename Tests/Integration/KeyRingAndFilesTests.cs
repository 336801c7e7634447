using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Domain.Access;
using Infrastructure.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Portal.Testing;
using Workflows.Accounts;
using Workflows.Admin;
using Workflows.Documents;
using Workflows.Email;

namespace Portal.Integration.Tests;

/// The key ring protected at rest by a certificate, the Production environment refusing an unprotected one, and the
/// data folder readable by the service account only (issue 13, finding 7). Each test starts portals of its own.
public sealed class KeyRingAndFilesTests : IDisposable
{
    private const string Password = "key-ring-test-password";
    private static readonly string[] PrivateFolders = ["", "keys", "documents", "mail-pickup"];
    private static readonly string[] DatabaseFiles = ["portal.db", "portal.db-wal", "portal.db-shm"];
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("portal-keyring-");

    public void Dispose() => _work.Delete(recursive: true);

    /// A self-signed certificate with its private key, as an operator would make with openssl, in a .pfx file.
    private string Certificate(string name)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN=Review Portal key ring ({name})", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        var path = Path.Combine(_work.FullName, name + ".pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, Password));
        return path;
    }

    private static PortalFactory WithCertificate(PortalFactory portal, string path)
    {
        portal.Set("DataProtection:CertificatePath", path);
        portal.Set("DataProtection:CertificatePassword", Password);
        return portal;
    }

    /// A protector of the portal's key ring, as every value protected with it is (cookies, values at rest).
    private static IDataProtector Protector(PortalFactory portal) => portal.Get<IDataProtectionProvider>().CreateProtector("KeyRingAndFilesTests");

    /// What Production needs besides the key ring: an SMTP server (nothing is sent: the job server is off) and the
    /// portal's address for links.
    private static PortalFactory InProduction(PortalFactory portal)
    {
        portal.Set("Email:Transport", "Smtp");
        portal.Set("Email:PortalBaseUrl", "https://portal.council.example");
        return portal.InEnvironment("Production");
    }

    [Fact]
    public async Task KeyRing_ProtectedByACertificate_IsEncryptedOnDisk_ReadsBackWithIt_AndNotWithout()
    {
        var data = Path.Combine(_work.FullName, "data");
        var certificate = Certificate("current");
        string stored;
        await using (var first = InProduction(WithCertificate(new PortalFactory(demoData: false, dataPath: data), certificate)))
        {
            stored = Protector(first).Protect("Keyring Testname");
        }

        var keys = Directory.GetFiles(Path.Combine(data, "keys"), "*.xml").Select(File.ReadAllText).ToList();
        Assert.NotEmpty(keys);
        Assert.All(keys, xml => Assert.Contains("EncryptedData", xml, StringComparison.Ordinal));
        Assert.All(keys, xml => Assert.DoesNotContain("<value>", xml, StringComparison.Ordinal));

        await using (var again = WithCertificate(new PortalFactory(demoData: false, dataPath: data), certificate))
        {
            Assert.Equal("Keyring Testname", Protector(again).Unprotect(stored));
        }

        await using var without = new PortalFactory(demoData: false, dataPath: data);
        Assert.ThrowsAny<CryptographicException>(() => Protector(without).Unprotect(stored));
    }

    [Fact]
    public async Task KeyRing_InPostgreSql_IsEncryptedInTheDatabase_AndReadsBackInAnotherProcess()
    {
        var certificate = Certificate("postgres");
        string stored;
        await using var first = WithCertificate(new PortalFactory(DatabaseProvider.PostgreSql, demoData: false, dataPath: Path.Combine(_work.FullName, "a")), certificate);
        stored = Protector(first).Protect("Keyring Testname");
        var keys = await first.WithDbAsync(db => db.Database.SqlQueryRaw<string>("SELECT \"Xml\" AS \"Value\" FROM \"DataProtectionKeys\"").ToListAsync());
        Assert.NotEmpty(keys);
        Assert.All(keys, xml => Assert.Contains("EncryptedData", xml, StringComparison.Ordinal));
        Assert.All(keys, xml => Assert.DoesNotContain("<value>", xml, StringComparison.Ordinal));

        await using var second = WithCertificate(new PortalFactory(DatabaseProvider.PostgreSql, demoData: false, dataPath: Path.Combine(_work.FullName, "b"),
            postgresConnection: first.PostgresConnection), certificate);
        Assert.Equal("Keyring Testname", Protector(second).Unprotect(stored));
    }

    [Fact]
    public async Task Production_RefusesAnUnprotectedKeyRingAndThePickupFolder_UnlessToldTheKeyRingIsProtectedElsewhere()
    {
        await using (var refused = new PortalFactory(demoData: false, dataPath: Path.Combine(_work.FullName, "refused")).InEnvironment("Production"))
        {
            var e = Assert.ThrowsAny<Exception>(() => refused.Services);
            var messages = string.Join(" | ", Chain(e).Select(x => x.Message));
            Assert.Contains("key ring would be stored unencrypted", messages, StringComparison.Ordinal);
            Assert.Contains("DataProtection:KeyRingProtectedElsewhere=true", messages, StringComparison.Ordinal);
            Assert.Contains("Email:Transport is Pickup", messages, StringComparison.Ordinal);
        }

        await using var allowed = InProduction(new PortalFactory(demoData: false, dataPath: Path.Combine(_work.FullName, "allowed")));
        allowed.Set("DataProtection:KeyRingProtectedElsewhere", "true");
        using var client = allowed.CreateClient();
        Assert.True((await client.GetAsync(new Uri("/Account/Login", UriKind.Relative))).IsSuccessStatusCode);

        static IEnumerable<Exception> Chain(Exception? e)
        {
            for (; e is not null; e = e.InnerException)
            {
                yield return e;
            }
        }
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task DataFolder_AndEverythingInIt_IsReadableByTheServiceAccountOnly_EvenWhatAnEarlierReleaseLeftOpen()
    {
        var data = Directory.CreateDirectory(Path.Combine(_work.FullName, "data"));
        var open = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute
            | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
        File.SetUnixFileMode(data.FullName, open);
        var oldDocuments = Directory.CreateDirectory(Path.Combine(data.FullName, "documents"));
        File.SetUnixFileMode(oldDocuments.FullName, open);
        var oldDocument = Path.Combine(oldDocuments.FullName, "0123456789abcdef0123456789abcdef");
        await File.WriteAllTextAsync(oldDocument, "an earlier release's upload");
        File.SetUnixFileMode(oldDocument, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        await using var portal = new PortalFactory(dataPath: data.FullName);
        await portal.Get<IDocumentStorage>().SaveAsync("fedcba9876543210fedcba9876543210", new MemoryStream([1, 2, 3]));
        var invited = await portal.Get<InviteUserHandler>().HandleAsync(await portal.ActorAsync(DemoAccounts.Admin),
            new Invite("Ivy Invited", $"{Guid.NewGuid():N}@invited.example.org", new UserAccess([Role.IndependentAuthor], [], [])));
        Assert.True(invited.IsSuccess, invited.Error?.Message);
        await portal.Get<OutboxDispatcher>().RunOnceAsync();

        var folders = PrivateFolders.Select(f => Path.Combine(data.FullName, f)).ToList();
        var files = DatabaseFiles.Select(f => Path.Combine(data.FullName, f))
            .Concat(Directory.GetFiles(Path.Combine(data.FullName, "keys")))
            .Concat(Directory.GetFiles(Path.Combine(data.FullName, "documents")))
            .Concat(Directory.GetFiles(Path.Combine(data.FullName, "mail-pickup"))).ToList();
        Assert.Contains(oldDocument, files);
        Assert.Contains(files, f => f.EndsWith(".eml", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith(".xml", StringComparison.Ordinal));
        Assert.All(folders, f => Assert.Equal((f, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute), (f, File.GetUnixFileMode(f))));
        Assert.All(files, f => Assert.Equal((f, UnixFileMode.UserRead | UnixFileMode.UserWrite), (f, File.GetUnixFileMode(f))));
    }
}
