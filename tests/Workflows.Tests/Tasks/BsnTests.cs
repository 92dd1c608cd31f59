using Inburgering.Workflows.Tasks;

namespace Inburgering.Workflows.Tests.Tasks;

public sealed class BsnTests
{
    [Theory]
    [InlineData("123456782", true)] // elfproef holds
    [InlineData("111222333", true)]
    [InlineData("123456789", false)]
    [InlineData("000000000", false)]
    [InlineData("12345678", false)]
    [InlineData("1234567820", false)]
    [InlineData("12345678a", false)]
    public void Recognises_a_bsn_by_the_elfproef(string text, bool valid) => Assert.Equal(valid, Bsn.IsValid(text));

    [Theory]
    [InlineData("klant-123456782", true)]
    [InlineData("123456782-2026", true)]
    [InlineData("kr-1234567820", false)] // ten digits: not a BSN
    [InlineData("kr-42", false)]
    public void Finds_a_bsn_inside_a_longer_text_only_as_a_whole_run_of_nine_digits(string text, bool contains) => Assert.Equal(contains, Bsn.Contains(text));
}
