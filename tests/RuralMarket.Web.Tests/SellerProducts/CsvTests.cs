using System.Text;
using RuralMarket.Web.Features.SellerProducts;

namespace RuralMarket.Web.Tests.SellerProducts;

public sealed class CsvTests
{
    [Fact]
    public void Quoted_fields_keep_commas_quotes_and_line_breaks_and_records_know_their_line()
    {
        var records = Csv.Parse("\uFEFFa,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n\r\nlast,,\n");

        records.Should().HaveCount(3);
        records[0].Fields.Should().Equal("a", "b", "c");
        records[1].Fields.Should().Equal("x, y", "say \"hi\"", "two\nlines");
        records[1].Line.Should().Be(2);
        records[2].Fields.Should().Equal("last", "", "");
        records[2].Line.Should().Be(5, "the quoted line break and the blank line count as lines of the file");
    }

    [Fact]
    public void A_file_without_a_final_line_break_still_ends_its_last_record()
    {
        Csv.Parse("a,b\r\n1,\"2\"").Should().HaveCount(2).And.Subject.Last().Fields.Should().Equal("1", "2");
    }

    [Theory]
    [InlineData("a,b\r\n\"open,1\r\n", "never closed")]
    [InlineData("a,b\r\nx\"y,1\r\n", "quote in the middle")]
    [InlineData("a,b\r\n\"x\"y,1\r\n", "closing quote must be followed")]
    public void Broken_quoting_is_reported_with_its_line(string text, string message)
    {
        var act = () => Csv.Parse(text);

        act.Should().Throw<CsvFormatException>().Where(e => e.Line == 2 && e.Message.Contains(message));
    }

    [Fact]
    public void Written_records_read_back_the_same()
    {
        var values = new[] { "plain", "with, comma", "with \"quotes\"", "two\r\nlines", " padded ", "" };
        var output = new StringBuilder();
        Csv.WriteRecord(output, values);

        output.ToString().Should().EndWith("\r\n");
        Csv.Parse(output.ToString()).Single().Fields.Should().Equal(values);
    }
}
