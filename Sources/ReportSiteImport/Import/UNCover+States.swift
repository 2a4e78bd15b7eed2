import ReportSiteCore

// The States a cover may name, apart from the reading of the cover (UNCover.swift).

extension UNCover {
    /// The States a cover may name (contract, section 1: the names and aliases of content/states.yml; the
    /// importer reads no project file, so it knows them itself), folded.
    static let knownStates: Set<String> = Set(statesText.split(whereSeparator: { $0 == ";" || $0 == "\n" })
        .map { foldedName($0.trimmingCharacters(in: .whitespaces)) }.filter { !$0.isEmpty })

    static let statesText = """
        Afghanistan; Albania; Algeria; Andorra; Angola; Antigua and Barbuda; Argentina; Armenia; Australia; Austria;
        Azerbaijan; Bahamas; The Bahamas; Bahrain; Bangladesh; Barbados; Belarus; Belgium; Belize; Benin; Bhutan;
        Bolivia (Plurinational State of); Plurinational State of Bolivia; Bolivia; Bosnia and Herzegovina; Botswana;
        Brazil; Brunei Darussalam; Brunei; Bulgaria; Burkina Faso; Burundi; Cabo Verde; Cape Verde; Cambodia; Cameroon;
        Canada; Central African Republic; Chad; Chile; China; Colombia; Comoros; Congo; Republic of the Congo;
        Costa Rica; Côte d'Ivoire; Ivory Coast; Croatia; Cuba; Cyprus; Czechia; Czech Republic;
        Democratic People's Republic of Korea; North Korea; Democratic Republic of the Congo; Denmark; Djibouti;
        Dominica; Dominican Republic; Ecuador; Egypt; El Salvador; Equatorial Guinea; Eritrea; Estonia; Eswatini;
        Kingdom of Eswatini; Swaziland; Ethiopia; Fiji; Finland; France; Gabon; Gambia; The Gambia; Georgia; Germany;
        Ghana; Greece; Grenada; Guatemala; Guinea; Guinea-Bissau; Guyana; Haiti; Honduras; Hungary; Iceland; India;
        Indonesia; Iran (Islamic Republic of); Islamic Republic of Iran; Iran; Iraq; Ireland; Israel; Italy; Jamaica;
        Japan; Jordan; Kazakhstan; Kenya; Kiribati; Kuwait; Kyrgyzstan; Kyrgyz Republic;
        Lao People's Democratic Republic; Laos; Latvia; Lebanon; Lesotho; Liberia; Libya; Libyan Arab Jamahiriya;
        Liechtenstein; Lithuania; Luxembourg; Madagascar; Malawi; Malaysia; Maldives; Mali; Malta; Marshall Islands;
        Mauritania; Mauritius; Mexico; Micronesia (Federated States of); Federated States of Micronesia; Micronesia;
        Monaco; Mongolia; Montenegro; Morocco; Mozambique; Myanmar; Namibia; Nauru; Nepal;
        Netherlands (Kingdom of the); Netherlands; Kingdom of the Netherlands; New Zealand; Nicaragua; Niger; Nigeria;
        North Macedonia; Republic of North Macedonia; The former Yugoslav Republic of Macedonia;
        former Yugoslav Republic of Macedonia; Norway; Oman; Pakistan; Palau; Panama; Papua New Guinea; Paraguay; Peru;
        Philippines; Poland; Portugal; Qatar; Republic of Korea; South Korea; Republic of Moldova; Moldova; Romania;
        Russian Federation; Russia; Rwanda; Saint Kitts and Nevis; Saint Lucia; Saint Vincent and the Grenadines;
        Samoa; San Marino; Sao Tome and Principe; Saudi Arabia; Senegal; Serbia; Seychelles; Sierra Leone; Singapore;
        Slovakia; Slovak Republic; Slovenia; Solomon Islands; Somalia; South Africa; South Sudan; Spain; Sri Lanka;
        Sudan; Suriname; Sweden; Switzerland; Syrian Arab Republic; Syria; Tajikistan; Thailand; Timor-Leste;
        East Timor; Togo; Tonga; Trinidad and Tobago; Tunisia; Türkiye; Turkey; Turkmenistan; Tuvalu; Uganda; Ukraine;
        United Arab Emirates; United Kingdom of Great Britain and Northern Ireland; United Kingdom;
        United Republic of Tanzania; Tanzania; United States of America; United States; Uruguay; Uzbekistan; Vanuatu;
        Venezuela (Bolivarian Republic of); Bolivarian Republic of Venezuela; Venezuela; Viet Nam; Vietnam; Yemen;
        Zambia; Zimbabwe; Holy See; State of Palestine; Palestine
    """
}
