namespace Nps.Privacy;

/// <summary>A kind of personal data <see cref="CommentMasker"/> finds in free text.</summary>
public enum PersonalDataKind
{
    /// <summary>An e-mail address.</summary>
    Email,

    /// <summary>A phone number, Dutch (<c>06-12345678</c>, <c>020 123 4567</c>) or international (<c>+44 20 7946 0958</c>).</summary>
    Phone,

    /// <summary>An IBAN (<c>NL91 ABNA 0417 1643 00</c>).</summary>
    Iban,

    /// <summary>A Dutch postcode with its house number (<c>1234 AB 12</c>, <c>Dorpsstraat 5, 1234 AB</c>).</summary>
    Postcode,

    /// <summary>A payment card number that passes the Luhn check.</summary>
    CardNumber,
}
