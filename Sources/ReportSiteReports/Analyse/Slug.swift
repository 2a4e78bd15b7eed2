import ReportSiteCore

/// Lower-case ASCII words joined by `-`: `Note by the Secretary-General` -> `note-by-the-secretary-general`.
package func slug(_ text: String) -> String {
    var out = ""
    var pendingDash = false
    for scalar in text.unicodeScalars {
        let folded: Unicode.Scalar? = {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) { return scalar }
            if ("A"..."Z").contains(scalar) { return Unicode.Scalar(scalar.value + 32) }
            // Latin letters with accents keep their base letter (é -> e).
            if scalar.properties.isAlphabetic, let base = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars.first,
               base.isASCII, ("a"..."z").contains(base) || ("A"..."Z").contains(base) {
                return Unicode.Scalar(base.value | 0x20)
            }
            return nil
        }()
        if let c = folded {
            if pendingDash && !out.isEmpty { out.append("-") }
            pendingDash = false
            out.unicodeScalars.append(c)
        } else {
            pendingDash = true
        }
    }
    return out
}
