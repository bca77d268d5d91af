using ChildDashboard.Core.Domain;

namespace ChildDashboard.Core.Persistence.Seed;

internal sealed record DemoValue(string ElementCode, OrgUnit Unit, Period Period, string OptionCode, double Value);
