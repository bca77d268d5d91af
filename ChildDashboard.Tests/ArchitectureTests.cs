using System.Reflection;
using ChildDashboard.Core;
using ChildDashboard.Web;
using NetArchTest.Rules;

namespace ChildDashboard.Tests;

// The folders are the architecture (style.md): these rules fail the build's tests as soon as a
// type depends on a folder or framework it must not know.
public class ArchitectureTests
{
    private static readonly Assembly Core = typeof(CoreServiceCollectionExtensions).Assembly;
    private static readonly Assembly Web = typeof(WebServiceCollectionExtensions).Assembly;

    private const string Domain = "ChildDashboard.Core.Domain";
    private const string Analytics = "ChildDashboard.Core.Analytics";
    private const string Services = "ChildDashboard.Core.Services";
    private const string Persistence = "ChildDashboard.Core.Persistence";
    private const string Exchange = "ChildDashboard.Core.Exchange";
    private const string Notifications = "ChildDashboard.Core.Notifications";
    private const string Identity = "ChildDashboard.Core.Identity";
    private const string EfCore = "Microsoft.EntityFrameworkCore";

    // Domain is vocabulary and rules; Analytics is pure arithmetic over it (style.md).
    [Theory]
    [InlineData(Domain, new[] { "System", Domain })]
    [InlineData(Analytics, new[] { "System", Domain, Analytics })]
    public void InnerFoldersDependOnNothingButTheRuntimeAndTheDomain(string folder, string[] allowed)
    {
        var result = Types.InAssembly(Core).That().ResideInNamespace(folder).Should().OnlyHaveDependenciesOn(allowed).GetResult();

        Assert.True(result.IsSuccessful, $"{folder} may depend only on {string.Join(", ", allowed)}; these types depend on more: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    public static TheoryData<string, string[]> ForbiddenDependencies => new()
    {
        { Domain, [Analytics, Services, Persistence, Exchange, Notifications, Identity, EfCore] },
        { Analytics, [Services, Persistence, Exchange, Notifications, Identity, EfCore, "Microsoft.Extensions.Logging"] },
        { Exchange, [Persistence, Services, "ChildDashboard.Web", EfCore] },
        { Notifications, [Persistence, Exchange, EfCore] },
        { Services, [Persistence + ".Seed", "ChildDashboard.Web"] },
    };

    [Theory]
    [MemberData(nameof(ForbiddenDependencies))]
    public void CoreFoldersDependOnlyOnWhatTheyMay(string folder, string[] forbidden)
    {
        var result = Types.InAssembly(Core).That().ResideInNamespace(folder).ShouldNot().HaveDependencyOnAny(forbidden).GetResult();

        Assert.True(result.IsSuccessful, Describe(folder, forbidden, result));
    }

    [Fact]
    public void CoreKnowsNothingOfTheWebFrameworks()
    {
        // Microsoft.AspNetCore.Identity is the exception: Identity's user and role types live in
        // that namespace but in Microsoft.Extensions.Identity.Stores, which has no ASP.NET in it.
        var forbidden = new[] { "ChildDashboard.Web", "MudBlazor", "Microsoft.AspNetCore.Components", "Microsoft.AspNetCore.Http", "Microsoft.AspNetCore.Mvc", "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Routing", "Microsoft.AspNetCore.Authorization", "Microsoft.AspNetCore.Authentication" };

        var result = Types.InAssembly(Core).ShouldNot().HaveDependencyOnAny(forbidden).GetResult();

        Assert.True(result.IsSuccessful, Describe("ChildDashboard.Core", forbidden, result));
        var referenced = Core.GetReferencedAssemblies().Select(a => a.Name ?? "").ToList();
        Assert.DoesNotContain(referenced, name => name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) && name != "Microsoft.AspNetCore.Identity.EntityFrameworkCore");
        Assert.DoesNotContain(referenced, name => name.StartsWith("MudBlazor", StringComparison.Ordinal));
    }

    [Fact]
    public void ComponentsUseServicesNotTheDatabase()
    {
        string[] forbidden = [Persistence, EfCore];

        var result = Types.InAssembly(Web).That().ResideInNamespace("ChildDashboard.Web.Components").ShouldNot().HaveDependencyOnAny(forbidden).GetResult();

        Assert.True(result.IsSuccessful, Describe("ChildDashboard.Web.Components", forbidden, result));
    }

    // The rules above would pass vacuously if the checker saw no dependencies at all.
    [Fact]
    public void TheCheckSeesARealDependency()
    {
        var result = Types.InAssembly(Core).That().ResideInNamespace(Services).ShouldNot().HaveDependencyOn(Persistence).GetResult();

        Assert.False(result.IsSuccessful);
        Assert.Contains(result.FailingTypeNames ?? [], name => name.EndsWith(".DataValueImportService", StringComparison.Ordinal));
    }

    private static string Describe(string folder, string[] forbidden, TestResult result) =>
        $"{folder} must not depend on {string.Join(", ", forbidden)}; these types do: {string.Join(", ", result.FailingTypeNames ?? [])}";
}
