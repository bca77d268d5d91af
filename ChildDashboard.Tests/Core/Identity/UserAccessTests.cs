using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Identity;

namespace ChildDashboard.Tests.Core.Identity;

public class UserAccessTests
{
    private static readonly DateOnly Merger = new(2025, 7, 1);
    private readonly OrgUnitDirectory _units;
    private readonly OrgUnit _vn, _newLaoCai, _oldLaoCai, _yenBai, _haGiang, _tuyenQuang;

    public UserAccessTests()
    {
        _vn = Unit(1, "VN", null, new DateOnly(1945, 9, 2));
        _newLaoCai = Unit(2, "15", 1, Merger);
        _oldLaoCai = Unit(3, "10", 1, new DateOnly(1991, 10, 1), closedInto: 2);
        _yenBai = Unit(4, "15", 1, new DateOnly(1991, 10, 1), closedInto: 2);
        _tuyenQuang = Unit(5, "08", 1, Merger);
        _haGiang = Unit(6, "02", 1, new DateOnly(1991, 10, 1), closedInto: 5);
        _units = new OrgUnitDirectory([_vn, _newLaoCai, _oldLaoCai, _yenBai, _tuyenQuang, _haGiang]);
    }

    [Fact]
    public void A_province_user_reads_its_predecessors_but_not_another_province()
    {
        var access = new UserAccess("leader.laocai", [Roles.Leader], _newLaoCai, _units);

        Assert.True(access.CanRead(_newLaoCai));
        Assert.True(access.CanRead(_oldLaoCai));
        Assert.True(access.CanRead(_yenBai));
        Assert.False(access.CanRead(_haGiang));
        Assert.False(access.CanRead(_tuyenQuang));
        Assert.False(access.CanRead(_vn));
        Assert.False(access.IsNational);
        Assert.Same(_newLaoCai, access.ScopeOrNullIfNational);
    }

    [Fact]
    public void A_national_user_reads_everything()
    {
        var access = new UserAccess("admin", [Roles.Admin], _vn, _units);

        Assert.All(_units.All, u => Assert.True(access.CanRead(u)));
        Assert.True(access.IsNational);
        Assert.Null(access.ScopeOrNullIfNational);
        Assert.True(access.CanAdministerSystem);
    }

    [Theory]
    [InlineData(Roles.Admin, true, true, true, true, true)]
    [InlineData(Roles.Leader, false, false, true, false, false)]
    [InlineData(Roles.Analyst, false, true, false, true, false)]
    [InlineData(Roles.DataEntry, true, true, false, false, false)]
    public void Each_role_does_its_own_job_within_its_scope(
        string role, bool enter, bool import, bool approve, bool targets, bool administer)
    {
        var access = new UserAccess("someone", [role], _newLaoCai, _units);

        Assert.Equal(enter, access.CanEnterData(_yenBai));
        Assert.Equal(import, access.CanImportData(_yenBai));
        Assert.Equal(approve, access.CanApprove(_yenBai));
        Assert.Equal(targets, access.CanManageTargets(_yenBai));
        Assert.Equal(administer, access.CanAdminister(_yenBai));
        Assert.True(access.CanRead(_yenBai));

        Assert.False(access.CanEnterData(_haGiang));
        Assert.False(access.CanImportData(_haGiang));
        Assert.False(access.CanApprove(_haGiang));
        Assert.False(access.CanManageTargets(_haGiang));
        Assert.False(access.CanAdminister(_haGiang));
        Assert.False(access.CanAdministerSystem);
    }

    [Fact]
    public void A_user_without_a_role_reads_nothing()
    {
        var access = new UserAccess("nobody", [], _vn, _units);

        Assert.False(access.CanRead(_newLaoCai));
    }

    private static OrgUnit Unit(int id, string code, int? parent, DateOnly opened, int? closedInto = null) => new()
    {
        Id = id, Code = code, NameVi = code, NameEn = code, Level = parent is null ? 1 : 2, ParentId = parent,
        OpeningDate = opened, ClosedDate = closedInto is null ? null : new DateOnly(2025, 6, 30), SuccessorId = closedInto,
    };
}
