namespace Inburgering.Host.Components.Shared;

/// <summary>Stored times are UTC; the pages show them in the engine clock's time zone (Amsterdam in production).</summary>
internal static class LocalTimes
{
    public static DateTime ToLocal(this TimeProvider time, DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), time.LocalTimeZone);
}
