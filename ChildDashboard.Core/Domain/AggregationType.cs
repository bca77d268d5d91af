namespace ChildDashboard.Core.Domain;

public enum AggregationType
{
    // A flow: the values of the sub-periods add up.
    Sum,
    // A stock: the latest value inside the period counts.
    Last,
}
