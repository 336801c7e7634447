using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace Infrastructure.Security;

/// The "DataProtection" section of appsettings.json: how the data-protection key ring is protected at rest. The key
/// ring holds the keys that protect sign-in cookies, real names, family contacts, authenticator keys, recovery codes
/// and invitation links (Workflows.Data.AtRest), so anyone with the key ring and the database reads them all.
/// Stored unencrypted by default (a development machine); a real deployment encrypts each key with a certificate.
public sealed class KeyRingOptions
{
    /// A PKCS#12 (.pfx) file with the certificate and its private key; its password by environment variable.
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    /// Or a certificate in the service account's (or the machine's) "My" certificate store, by thumbprint.
    public string? CertificateThumbprint { get; set; }

    /// The certificate used before the current one: keys it encrypted stay readable after a change of certificate.
    public string? PreviousCertificatePath { get; set; }

    public string? PreviousCertificatePassword { get; set; }

    /// The key ring is protected another way (an encrypted volume of its own, a key vault): the portal then starts in
    /// Production without a certificate. Say so only when it is true.
    public bool KeyRingProtectedElsewhere { get; set; }

    public bool HasCertificate => !string.IsNullOrWhiteSpace(CertificatePath) || !string.IsNullOrWhiteSpace(CertificateThumbprint);

    /// Why the portal must not start in Production with these settings, or null.
    public string? ProblemInProduction() => HasCertificate || KeyRingProtectedElsewhere ? null
        : "The data-protection key ring would be stored unencrypted. Set DataProtection:CertificatePath (a .pfx file, with "
          + "DataProtection:CertificatePassword) or DataProtection:CertificateThumbprint, or, only if the key ring is protected "
          + "another way, DataProtection:KeyRingProtectedElsewhere=true (docs/SECURITY.md, \"The key ring\").";

    public void Apply(IDataProtectionBuilder builder)
    {
        if (!string.IsNullOrWhiteSpace(CertificatePath))
        {
            builder.ProtectKeysWithCertificate(Load(CertificatePath, CertificatePassword));
        }
        else if (!string.IsNullOrWhiteSpace(CertificateThumbprint))
        {
            builder.ProtectKeysWithCertificate(CertificateThumbprint);
        }

        if (!string.IsNullOrWhiteSpace(PreviousCertificatePath))
        {
            builder.UnprotectKeysWithAnyCertificate(Load(PreviousCertificatePath, PreviousCertificatePassword));
        }
    }

    private static X509Certificate2 Load(string path, string? password)
    {
        var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password);
        return certificate.HasPrivateKey ? certificate
            : throw new InvalidOperationException($"The certificate in {path} has no private key: the key ring could not be read back with it.");
    }
}
