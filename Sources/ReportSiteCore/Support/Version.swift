/// The version of ReportSite, printed by `reportsite --version`.
public enum ReportSiteVersion {
    public static let current = "0.9.0"
}
