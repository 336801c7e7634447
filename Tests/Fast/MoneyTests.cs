using Domain;

namespace Portal.Fast.Tests;

public class MoneyTests
{
    [Theory]
    [InlineData("£12,500", 1_250_000)]
    [InlineData("12500.50", 1_250_050)]
    [InlineData("12500.00", 1_250_000)]
    [InlineData("12500", 1_250_000)]
    [InlineData("1 234", 123_400)]
    [InlineData("1 234 567.89", 123_456_789)]
    [InlineData(" £ 12,500.5 ", 1_250_050)]
    [InlineData("£1,234,567.89", 123_456_789)]
    [InlineData("0", 0)]
    [InlineData("£0.00", 0)]
    [InlineData("0.5", 50)]
    [InlineData("450.05", 45_005)]
    [InlineData("£100,000,000", 10_000_000_000)]
    [InlineData("100000000.00", 10_000_000_000)]
    public void TryParsePence_AmountsAsPeopleTypeThem_AreWholePence(string text, long pence)
    {
        Assert.True(Money.TryParsePence(text, out var parsed));
        Assert.Equal(pence, parsed);
        Assert.Null(Money.Parse(text, "Amount", "the amount", out var again));
        Assert.Equal(pence, again);
    }

    [Theory]
    [InlineData("twelve thousand", "is not an amount of money")]
    [InlineData("$12,500", "is not an amount of money")]
    [InlineData("12,50", "is not an amount of money")]
    [InlineData("1,2500", "is not an amount of money")]
    [InlineData("1,234 567", "is not an amount of money")]
    [InlineData("12 34", "is not an amount of money")]
    [InlineData("12.", "is not an amount of money")]
    [InlineData("-500", "The amount cannot be negative")]
    [InlineData("-£20", "The amount cannot be negative")]
    [InlineData("£-20.50", "The amount cannot be negative")]
    [InlineData("12500.001", "to the nearest penny")]
    [InlineData("1.234", "to the nearest penny")]
    [InlineData("£100,000,000.01", "more than £100,000,000")]
    [InlineData("99999999999", "more than £100,000,000")]
    [InlineData("", "Enter the amount in pounds")]
    [InlineData("   ", "Enter the amount in pounds")]
    [InlineData(null, "Enter the amount in pounds")]
    public void Parse_WhatIsNotMoney_IsRefusedSayingWhatWasWrong(string? text, string message)
    {
        var error = Money.Parse(text, "Amount", "the amount", out var pence);
        Assert.NotNull(error);
        Assert.Equal("Amount", error.Field);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(0, pence);
        Assert.False(Money.TryParsePence(text, out _));
    }

    [Fact]
    public void Parse_NamesTheFieldAndShowsWhatToType()
    {
        var error = Money.Parse("a lot", "Quote", "your quote", out _)!;
        Assert.Equal("\"a lot\" is not an amount of money: enter your quote in pounds, for example £12,500 or 12500.50.", error.Message);
        Assert.Equal("Your quote cannot be negative.", Money.Parse("-1", "Quote", "your quote", out _)!.Message);
    }

    [Theory]
    [InlineData(1_250_000, "£12,500")]
    [InlineData(1_250_050, "£12,500.50")]
    [InlineData(5_350_467, "£53,504.67")]
    [InlineData(5, "£0.05")]
    [InlineData(0, "£0")]
    [InlineData(-2_000, "-£20")]
    [InlineData(-2_050, "-£20.50")]
    [InlineData(10_000_000_000, "£100,000,000")]
    public void Format_ShowsPenceOnlyWhereNotWholePounds(long pence, string expected) => Assert.Equal(expected, Money.Format(pence));

    [Fact]
    public void Format_NoAmount_SaysSo()
    {
        Assert.Equal("Not recorded", Money.Format((long?)null));
        Assert.Equal("Not known yet", Money.Format(null, "Not known yet"));
        Assert.Equal("£400", Money.Format((long?)40_000));
    }

    [Theory]
    [InlineData(1_250_050, "12500.50")]
    [InlineData(1_250_000, "12500")]
    [InlineData(5, "0.05")]
    [InlineData(0, "0")]
    public void ForInput_IsWhatAPersonWouldType_AndReadsBack(long pence, string expected)
    {
        Assert.Equal(expected, Money.ForInput(pence));
        Assert.True(Money.TryParsePence(Money.ForInput(pence), out var back));
        Assert.Equal(pence, back);
    }

    // The edges the two old Money classes disagreed on: "1 234" (refused by one, accepted by the other) and nothing at all.
    [Fact]
    public void ZeroAndSpaceGroupedThousands_HaveOneAnswer()
    {
        Assert.Null(Money.Parse("1 234", "Fee", "the fee", out var spaced));
        Assert.Equal(123_400, spaced);
        Assert.Equal("£1,234", Money.Format(spaced));

        Assert.Null(Money.Parse("0", "Fee", "the fee", out var zero));
        Assert.Equal(0, zero);
        Assert.Equal("£0", Money.Format(zero));
        Assert.Equal("0", Money.ForInput(zero));
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, true)]
    [InlineData(10_000_000_000, true)]
    [InlineData(10_000_000_001, false)]
    [InlineData(-1, false)]
    public void IsAmount_FromNothingUpToTheCap(long pence, bool expected) => Assert.Equal(expected, Money.IsAmount(pence));
}
