namespace QcdpBuilder.Packaging;

/// <summary>English Metric Units, OOXML's drawing unit (914,400 per inch, 12,700 per point).</summary>
public readonly record struct Emu(long Value)
{
    public const long PerInch = 914_400;
    public const long PerPoint = 12_700;
    public const long PerCm = 360_000;
    public static Emu FromPoints(double pt) => new((long)Math.Round(pt * PerPoint));
    public static Emu FromCm(double cm) => new((long)Math.Round(cm * PerCm));
    public static Emu FromInches(double inches) => new((long)Math.Round(inches * PerInch));
    public double Points => Value / (double)PerPoint;
    public static Emu operator +(Emu a, Emu b) => new(a.Value + b.Value);
    public static Emu operator -(Emu a, Emu b) => new(a.Value - b.Value);
    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>Typographic points (1/72 inch), the unit of font sizes and PDF user space.</summary>
public readonly record struct Points(double Value)
{
    /// <summary>Word measures font sizes in half-points.</summary>
    public int HalfPoints => (int)Math.Round(Value * 2);
    /// <summary>Word measures spacing and indents in twentieths of a point (twips).</summary>
    public int Twips => (int)Math.Round(Value * 20);
    /// <summary>DrawingML measures font sizes in hundredths of a point.</summary>
    public int Hundredths => (int)Math.Round(Value * 100);
    public Emu ToEmu() => Emu.FromPoints(Value);
}
