namespace ChildDashboard.Core.Domain;

// A setting changed on the settings page (`Status:OnTrackMargin`), overriding the configuration's
// value until it is set back; the value is written with a point for decimals.
public class SystemSetting
{
    public required string Key { get; set; }
    public required string Value { get; set; }
    public required string UpdatedBy { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
}
