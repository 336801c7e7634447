namespace Domain.Organisations;

/// A review office that works with an agency, kept by administrators on the agency. The agency's contacts belong to the
/// offices that work with it: those offices' pickers list them, and they see only those offices' requests and actions.
public sealed class AgencyOffice
{
    public int AgencyId { get; set; }

    public int OfficeId { get; set; }
}
