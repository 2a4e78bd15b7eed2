// The command and the server import ReportSiteKit alone: the public API of the targets below it is theirs too.
@_exported import ReportSiteCore
@_exported import ReportSiteReports
@_exported import ReportSiteOutput
@_exported import ReportSiteSite
