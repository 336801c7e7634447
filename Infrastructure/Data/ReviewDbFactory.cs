using Microsoft.EntityFrameworkCore;
using Workflows.Data;

namespace Infrastructure.Data;

internal sealed class ReviewDbFactory<TDb>(IDbContextFactory<TDb> factory) : IReviewDbFactory
    where TDb : ReviewDb
{
    public async Task<IReviewDb> CreateAsync(CancellationToken cancellationToken = default) =>
        await factory.CreateDbContextAsync(cancellationToken);
}
