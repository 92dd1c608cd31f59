namespace Inburgering.Workflows.Tasks;

/// <summary>
/// Recognises a burgerservicenummer (9 digits passing the elfproef), so it can be kept out of places where the law does
/// not allow it: klantreis ids, partner messages, logs.
/// </summary>
public static class Bsn
{
    public static bool IsValid(string? text)
    {
        if (text is not { Length: 9 } || !text.All(char.IsAsciiDigit))
        {
            return false;
        }
        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            sum += (9 - i) * (text[i] - '0');
        }
        sum -= text[8] - '0';
        return sum % 11 == 0 && text != "000000000";
    }

    /// <summary>Whether <paramref name="text"/> contains a 9-digit run that is a valid BSN (e.g. inside a longer id).</summary>
    public static bool Contains(string? text)
    {
        if (text is null)
        {
            return false;
        }
        for (var i = 0; i + 9 <= text.Length; i++)
        {
            var starts = i == 0 || !char.IsAsciiDigit(text[i - 1]);
            var ends = i + 9 == text.Length || !char.IsAsciiDigit(text[i + 9]);
            if (starts && ends && IsValid(text.Substring(i, 9)))
            {
                return true;
            }
        }
        return false;
    }
}
