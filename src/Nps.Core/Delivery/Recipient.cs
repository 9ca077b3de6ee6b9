namespace Nps.Delivery;

/// <summary>Where and in which language to send a customer's survey, as the embedder's directory knows it at send time.</summary>
/// <param name="Address">The e-mail address.</param>
/// <param name="Locale">The customer's language (e.g. <c>nl-NL</c>, <c>en</c>); English when <see langword="null"/> or unknown.</param>
public sealed record Recipient(string Address, string? Locale = null);
