namespace ChildDashboard.Core.Domain;

// The fingerprint of a reference file as last seeded: a file that did not change since is not
// applied again, so targets an analyst uploaded survive a restart.
public class CatalogueFile
{
    public required string FileName { get; set; }
    public required string Sha256 { get; set; }
    public DateTime AppliedAtUtc { get; set; }
}
