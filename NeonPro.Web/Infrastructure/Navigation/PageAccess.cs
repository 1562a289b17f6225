using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;

namespace NeonPro.Web.Infrastructure.Navigation;

/// <summary>
/// Whether a user may open a page, decided by the page's own authorization: the policies its folder convention and its
/// [Authorize] attributes put on its endpoint, combined the way the authorization middleware combines them, or the
/// fallback policy when it has none. A link is shown exactly when following it would not end at Access Denied, and a
/// page whose rule changes takes its links along without a second list of role names to keep in step.
/// </summary>
public sealed class PageAccess(PagePolicies policies, IAuthorizationService authorization)
{
    public async Task<bool> MayOpenAsync(ClaimsPrincipal user, string path) =>
        await policies.OfAsync(path) is not { } policy || (await authorization.AuthorizeAsync(user, policy)).Succeeded;
}

/// <summary>Each page's combined authorization policy, found once per path (a singleton: pages are fixed at start).</summary>
public sealed class PagePolicies(IActionDescriptorCollectionProvider actions, PageLoader pages, IAuthorizationPolicyProvider policies)
{
    // The combined policy of each page, per path; null means the page allows anonymous visitors. Pages and conventions
    // are fixed at start, so one answer per path holds for the life of the app.
    private readonly ConcurrentDictionary<string, Lazy<Task<AuthorizationPolicy?>>> _byPath = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The policy a request for this path must satisfy; null when the page admits anonymous visitors.</summary>
    public Task<AuthorizationPolicy?> OfAsync(string path) =>
        _byPath.GetOrAdd(path, p => new Lazy<Task<AuthorizationPolicy?>>(() => PolicyOfAsync(p))).Value;

    private async Task<AuthorizationPolicy?> PolicyOfAsync(string path)
    {
        var template = path.Trim('/');
        var page = actions.ActionDescriptors.Items.OfType<PageActionDescriptor>()
            .FirstOrDefault(d => string.Equals(d.AttributeRouteInfo?.Template ?? "", template, StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException($"No Razor page answers {path}: a link to it would be a dead end.");
        // The descriptor the routing table starts with lacks the page model's attributes and the folder conventions; the
        // loaded (compiled) page's endpoint carries all of them, as the request pipeline sees them.
        var compiled = await pages.LoadAsync(page, Microsoft.AspNetCore.Http.EndpointMetadataCollection.Empty);
        var metadata = compiled.Endpoint?.Metadata ?? new Microsoft.AspNetCore.Http.EndpointMetadataCollection(compiled.EndpointMetadata);
        if (metadata.GetMetadata<IAllowAnonymous>() is not null) return null;
        var combined = await AuthorizationPolicy.CombineAsync(policies, metadata.GetOrderedMetadata<IAuthorizeData>(), metadata.GetOrderedMetadata<AuthorizationPolicy>());
        return combined ?? await policies.GetFallbackPolicyAsync();
    }
}
