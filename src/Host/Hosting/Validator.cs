using System.ComponentModel.DataAnnotations;

namespace Inburgering.Host.Hosting;

/// <summary>Validates an options object read before the container exists (the provider choice shapes registration).</summary>
internal static class Validator
{
    public static void ValidateObject(object options)
    {
        var results = new List<ValidationResult>();
        if (!System.ComponentModel.DataAnnotations.Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
        {
            throw new InvalidOperationException(
                $"Invalid configuration for {options.GetType().Name}: " + string.Join("; ", results.Select(r => r.ErrorMessage)));
        }
    }
}
