using System.Xml.Linq;
using ChildDashboard.Core.Services;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace ChildDashboard.Web.Account;

// Data-protection keys (which sign cookies and antiforgery tokens) in the app's database rather
// than in a folder of one machine: every app server reads the keys any of them made, and a backup
// of the database holds them too.
public sealed class DatabaseXmlRepository(DataProtectionKeyStore keys) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements() => keys.All().Select(XElement.Parse).ToList();

    public void StoreElement(XElement element, string friendlyName) => keys.Add(friendlyName, element.ToString(SaveOptions.DisableFormatting));
}
