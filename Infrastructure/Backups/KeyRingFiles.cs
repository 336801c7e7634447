using System.Security.Cryptography.X509Certificates;
using System.Xml.Linq;

namespace Infrastructure.Backups;

/// Reads how the key ring's files are protected. ASP.NET Core writes each key as XML: in the clear (its secret in a
/// <masterKey> element), or encrypted (an <encryptedSecret> whose decryptor names what can open it; with a certificate,
/// the XML carries the certificate's public part, which names it).
internal static class KeyRingFiles
{
    public static KeyRingProtection Describe(IEnumerable<string> keyFiles)
    {
        var files = keyFiles.ToList();
        if (files.Count == 0)
        {
            return new KeyRingProtection(KeyRingProtection.None, null, null,
                "The key ring is empty: the portal had not signed anyone in yet. A restore starts a new key ring.");
        }

        var encrypted = files.Select(f => XDocument.Load(f).Descendants("encryptedSecret").FirstOrDefault()).ToList();
        if (encrypted.All(e => e is null))
        {
            return new KeyRingProtection(KeyRingProtection.None, null, null,
                "The keys are not encrypted at rest: this backup can sign anyone's cookie, so keep it as private as the data folder.");
        }

        var certificate = encrypted.OfType<XElement>().Select(e => e.Descendants().FirstOrDefault(d => d.Name.LocalName == "X509Certificate")?.Value)
            .OfType<string>().Select(b => X509CertificateLoader.LoadCertificate(Convert.FromBase64String(b))).LastOrDefault();
        if (certificate is null)
        {
            var decryptor = encrypted.OfType<XElement>().Select(e => e.Attribute("decryptorType")?.Value).LastOrDefault();
            return new KeyRingProtection("Other", null, null,
                $"The keys are encrypted by {decryptor}: restore them where that protection can open them.");
        }

        using (certificate)
        {
            return new KeyRingProtection(KeyRingProtection.Certificate, certificate.Thumbprint, certificate.Subject,
                $"The keys are encrypted with the certificate {certificate.Subject} (thumbprint {certificate.Thumbprint}), which this backup "
                + "does not hold. The restored portal needs that certificate with its private key, from wherever your organisation keeps "
                + "it (configured as for the original portal; see docs/DEPLOYMENT.md, the key ring): without it nobody can sign in with an "
                + "existing cookie and protected values cannot be read.");
        }
    }
}
