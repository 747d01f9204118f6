using Microsoft.Extensions.Options;

namespace Warden.Hosting;

/// <summary>Fails host start-up when the shutdown steps do not fit the budget, with the arithmetic in the message.</summary>
internal sealed class ShutdownOptionsValidator : IValidateOptions<ShutdownOptions>
{
    public ValidateOptionsResult Validate(string? name, ShutdownOptions options) =>
        options.TryValidate(out var problem) ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problem);
}
