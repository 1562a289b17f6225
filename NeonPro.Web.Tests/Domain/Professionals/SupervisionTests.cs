using NeonPro.Web.Domain.Professionals;

namespace NeonPro.Web.Tests.Domain.Professionals;

public sealed class SupervisionTests
{
    private static readonly Guid A = Guid.NewGuid(), B = Guid.NewGuid(), C = Guid.NewGuid(), D = Guid.NewGuid();

    [Fact]
    public void Being_supervised_by_someone_independent_is_fine() =>
        Assert.False(Supervision.WouldLoop(A, B, new Dictionary<Guid, Guid?> { [A] = null, [B] = null }));

    [Fact]
    public void Supervising_your_own_supervisor_is_a_loop() =>
        Assert.True(Supervision.WouldLoop(A, B, new Dictionary<Guid, Guid?> { [A] = null, [B] = A }));

    [Fact]
    public void A_longer_loop_through_others_is_found() =>
        Assert.True(Supervision.WouldLoop(A, B, new Dictionary<Guid, Guid?> { [B] = C, [C] = D, [D] = A }));

    [Fact]
    public void A_chain_that_ends_in_an_independent_professional_is_fine() =>
        Assert.False(Supervision.WouldLoop(A, B, new Dictionary<Guid, Guid?> { [B] = C, [C] = D, [D] = null }));

    [Fact]
    public void The_professional_as_their_own_supervisor_is_a_loop() =>
        Assert.True(Supervision.WouldLoop(A, A, new Dictionary<Guid, Guid?>()));

    [Fact]
    public void A_loop_elsewhere_in_the_data_ends_the_walk_without_blaming_this_change() =>
        Assert.False(Supervision.WouldLoop(A, B, new Dictionary<Guid, Guid?> { [B] = C, [C] = B }));

    [Fact]
    public void The_professionals_own_current_supervisor_does_not_count()
    {
        // A is supervised by B today and the form now names C: only C's chain matters.
        Assert.False(Supervision.WouldLoop(A, C, new Dictionary<Guid, Guid?> { [A] = B, [B] = A, [C] = null }));
    }
}
