using System.Reflection;
using NetArchTest.Rules;

namespace Portal.Architecture.Tests;

/// The shape of the code, read from the compiled assemblies: the layers depend inwards only
/// (Domain <- Workflows <- Infrastructure <- Portal), and no feature folder of Workflows depends on one that depends
/// back on it. A failure names the types that break the rule.
public sealed class LayeringTests
{
    private static readonly Assembly DomainAssembly = typeof(Domain.Money).Assembly;
    private static readonly Assembly WorkflowsAssembly = typeof(Workflows.Data.IReviewDb).Assembly;
    private static readonly Assembly InfrastructureAssembly = typeof(Infrastructure.DependencyInjection).Assembly;

    [Fact]
    public void Domain_DependsOnNothingButTheRuntime()
    {
        var references = DomainAssembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.All(references, name => Assert.True(name == "netstandard" || name.StartsWith("System", StringComparison.Ordinal), name));

        var result = Types.InAssembly(DomainAssembly).ShouldNot().HaveDependencyOnAny("Workflows", "Infrastructure", "Portal", "Microsoft")
            .GetResult();
        Assert.True(result.IsSuccessful, Failing(result));
    }

    [Theory]
    [InlineData("Workflows", "Infrastructure")]
    [InlineData("Workflows", "Portal")]
    [InlineData("Infrastructure", "Portal")]
    public void ALayer_DoesNotDependOnTheLayersOutsideIt(string layer, string outer)
    {
        var assembly = layer == "Workflows" ? WorkflowsAssembly : InfrastructureAssembly;
        var result = Types.InAssembly(assembly).Should().NotHaveDependencyOn(outer).GetResult();

        Assert.True(result.IsSuccessful, Failing(result));
    }

    [Fact]
    public void NoFeatureFolder_DependsOnOneThatDependsBackOnIt()
    {
        var folders = FolderDependencies();
        var cycles = folders.SelectMany(a => a.Value.Where(b => string.CompareOrdinal(a.Key, b) < 0 && folders[b].Contains(a.Key))
            .Select(b => $"{a.Key} <-> {b}")).ToList();

        Assert.True(cycles.Count == 0, "Feature folders that depend on each other: " + string.Join(", ", cycles));
    }

    /// The check itself can see a dependency between folders: a test that found nothing because it looked at nothing
    /// would pass whatever the code did.
    [Fact]
    public void TheFolderCheck_SeesKnownDependencies()
    {
        var folders = FolderDependencies();

        Assert.Contains("Accounts", folders["Admin"]);
        Assert.Contains("Access", folders["Drafts"]);
        Assert.Contains("Family", folders["Drafts"]);
        Assert.Contains("Access", folders["Family"]);
        Assert.DoesNotContain("Admin", folders["Accounts"]);
        Assert.DoesNotContain("Drafts", folders["Family"]);
        Assert.DoesNotContain("Reminders", folders["Requests"]);
    }

    private static Dictionary<string, HashSet<string>>? _folders;

    /// Workflows.{Folder} -> the other folders its types use. A dependency is named by the full names of the folder's
    /// types, not by its namespace, so that a folder whose name begins another's (Time, Timers) is not taken for it.
    private static Dictionary<string, HashSet<string>> FolderDependencies()
    {
        if (_folders is not null)
        {
            return _folders;
        }

        var byFolder = WorkflowsAssembly.GetTypes()
            .Where(t => t.Namespace?.StartsWith("Workflows.", StringComparison.Ordinal) == true && !t.IsNested && !t.Name.Contains('<', StringComparison.Ordinal))
            .GroupBy(t => t.Namespace!.Split('.')[1])
            .ToDictionary(g => g.Key, g => g.Select(t => t.FullName!).ToArray());

        // Read once: each question below walks the folder's types, not the assembly file again.
        var workflows = Types.InAssembly(WorkflowsAssembly);
        var folders = new Dictionary<string, HashSet<string>>();
        foreach (var (folder, _) in byFolder)
        {
            var uses = new HashSet<string>();
            foreach (var (other, types) in byFolder)
            {
                if (other != folder && workflows.That().ResideInNamespaceMatching($@"^Workflows\.{folder}(\..+)?$")
                        .And().HaveDependencyOnAny(types).GetTypes().Any())
                {
                    uses.Add(other);
                }
            }

            folders[folder] = uses;
        }

        return _folders = folders;
    }

    private static string Failing(TestResult result) =>
        "Types that break the rule: " + string.Join(", ", result.FailingTypeNames ?? []);
}
