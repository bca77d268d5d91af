using ChildDashboard.Core.Domain;

namespace ChildDashboard.Core.Identity;

// The one authorization rule of the system: what a user may do is their roles × their scope unit,
// with the unit's history (a user of the new Lào Cai reads the old Lào Cai and Yên Bái, not Hà
// Giang). Pages, circuits, services and the API all ask this object; none repeats the rule.
public sealed class UserAccess
{
    private readonly OrgUnitDirectory _units;
    private readonly HashSet<string> _roles;

    public UserAccess(string userName, IEnumerable<string> roles, OrgUnit scope, OrgUnitDirectory units)
    {
        UserName = userName;
        _roles = new HashSet<string>(roles, StringComparer.Ordinal);
        Scope = scope;
        _units = units;
    }

    public string UserName { get; }
    public OrgUnit Scope { get; }
    public IReadOnlySet<string> Roles => _roles;

    // A national user (scope VN) may see every unit; services take a null scope to mean that.
    public bool IsNational => Scope.ParentId is null;
    public OrgUnit? ScopeOrNullIfNational => IsNational ? null : Scope;

    public bool IsAdmin => _roles.Contains(Identity.Roles.Admin);
    public bool IsLeader => _roles.Contains(Identity.Roles.Leader);
    public bool IsAnalyst => _roles.Contains(Identity.Roles.Analyst);
    public bool IsDataEntry => _roles.Contains(Identity.Roles.DataEntry);

    // Any signed-in role reads the figures of its scope.
    public bool CanRead(OrgUnit unit) => _roles.Count > 0 && _units.IsWithin(unit, Scope);

    // Fills and submits forms, and saves single values.
    public bool CanEnterData(OrgUnit unit) => (IsDataEntry || IsAdmin) && CanRead(unit);

    // Imports files of values (the API's WriteData policy).
    public bool CanImportData(OrgUnit unit) => (IsDataEntry || IsAnalyst || IsAdmin) && CanRead(unit);

    // Approves, returns and reopens forms.
    public bool CanApprove(OrgUnit unit) => (IsLeader || IsAdmin) && CanRead(unit);

    // Sets targets.
    public bool CanManageTargets(OrgUnit unit) => (IsAnalyst || IsAdmin) && CanRead(unit);

    // Writes the assessment of the unit's reports to the ministry: those who fill or approve its forms.
    public bool CanWriteNarrative(OrgUnit unit) => CanEnterData(unit) || CanApprove(unit);

    // Exports and reports for analysts and leaders.
    public bool CanExport(OrgUnit unit) => CanRead(unit);

    // Manages users, catalogue and settings; a province admin only within its province.
    public bool CanAdminister(OrgUnit unit) => IsAdmin && CanRead(unit);
    public bool CanAdministerSystem => IsAdmin && IsNational;
}
