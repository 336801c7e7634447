using System.Xml.Linq;
using Infrastructure.Files;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Infrastructure.Security;

/// The key ring in a folder of the data folder (SQLite), each key file readable by the service account only. The
/// framework's folder repository writes its files as the process's umask allows; this one tightens each after writing.
public sealed class PrivateKeyRing(DirectoryInfo folder, ILoggerFactory loggers) : IDeletableXmlRepository
{
    private readonly FileSystemXmlRepository _files = new(folder, loggers);

    public static void PersistTo(IDataProtectionBuilder builder, DirectoryInfo folder) =>
        builder.Services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(services =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = new PrivateKeyRing(folder, services.GetRequiredService<ILoggerFactory>())));

    public IReadOnlyCollection<XElement> GetAllElements() => _files.GetAllElements();

    public void StoreElement(XElement element, string friendlyName)
    {
        // Made here, not when the portal starts, so that a restore finds the data folder empty.
        PrivateFiles.CreateFolder(folder.FullName);
        _files.StoreElement(element, friendlyName);
        PrivateFiles.TightenTree(folder.FullName);
    }

    public bool DeleteElements(Action<IReadOnlyCollection<IDeletableElement>> chooseElements) => _files.DeleteElements(chooseElements);
}
