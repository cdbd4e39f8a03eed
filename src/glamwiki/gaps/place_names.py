"""Names the place resolver needs beyond ISO 3166: other names of the UK nations, Tate's romanised
endonyms, demonyms of nationality fields, words meaning "unknown", and Wikidata's country items."""

from __future__ import annotations

UK = "GB"
# Names a catalogue may use for a nation that ISO 3166-2 does not list as the nation's own name.
NATION_NAMES = {
    "cymru": "GB-WLS",
    "alba": "GB-SCT",
    "ulster": "GB-NIR",
    "great britain": UK,
    "britain": UK,
    "uk": UK,
    "u.k.": UK,
    "england and wales": UK,
}
# Romanised endonyms (as Tate writes them) that ISO's translations do not carry, each to its ISO 3166-1
# code; kept short on purpose: anything else is listed as unresolved for a person to map.
ROMANISED = {
    "rossiya": "RU",
    "nihon": "JP",
    "bharat": "IN",
    "zhonghua": "CN",
    "yisra'el": "IL",
    "misr": "EG",
    "ukrayina": "UA",
    "ellas": "GR",
    "iran": "IR",
    "al-lubnan": "LB",
    "suriyah": "SY",
    "al-'iraq": "IQ",
    "al-jaza'ir": "DZ",
    "taehan min'guk": "KR",
    "ceska republika": "CZ",
    "slovenska republika": "SK",
}
# Demonyms for nationality fields ("British", "American"), the commonest in museum catalogues.
DEMONYMS = {
    "british": UK,
    "english": "GB-ENG",
    "scottish": "GB-SCT",
    "welsh": "GB-WLS",
    "irish": "IE",
    "northern irish": "GB-NIR",
    "american": "US",
    "french": "FR",
    "german": "DE",
    "italian": "IT",
    "spanish": "ES",
    "dutch": "NL",
    "flemish": "BE",
    "belgian": "BE",
    "swiss": "CH",
    "austrian": "AT",
    "russian": "RU",
    "polish": "PL",
    "japanese": "JP",
    "chinese": "CN",
    "indian": "IN",
    "canadian": "CA",
    "australian": "AU",
    "mexican": "MX",
    "brazilian": "BR",
    "argentine": "AR",
    "swedish": "SE",
    "norwegian": "NO",
    "danish": "DK",
    "finnish": "FI",
    "czech": "CZ",
    "hungarian": "HU",
    "greek": "GR",
    "portuguese": "PT",
    "israeli": "IL",
    "south african": "ZA",
    "new zealander": "NZ",
    "korean": "KR",
    "cuban": "CU",
    "chilean": "CL",
    "colombian": "CO",
    "venezuelan": "VE",
    "romanian": "RO",
}
MORE_DEMONYMS = (
    "peruvian PE, croatian HR, uruguayan UY, turkish TR, iranian IR, icelandic IS, haitian HT, slovenian SI, "
    "slovene SI, egyptian EG, moroccan MA, slovak SK, lebanese LB, ukrainian UA, vietnamese VN, albanian AL, "
    "algerian DZ, kyrgyzstani KG, puerto rican PR, tunisian TN, bulgarian BG, estonian EE, georgian GE, "
    "guatemalan GT, lithuanian LT, latvian LV, namibian NA, nicaraguan NI, pakistani PK, palestinian PS, "
    "singaporean SG, taiwanese TW, afghan AF, bolivian BO, nigerian NG, cypriot CY, ecuadorian EC, malian ML, "
    "montenegrin ME, panamanian PA, syrian SY, serbian RS, bosnian BA, macedonian MK, thai TH, indonesian ID, "
    "filipino PH, malaysian MY, ghanaian GH, kenyan KE, ethiopian ET, senegalese SN, zimbabwean ZW, ugandan UG, "
    "sudanese SD, iraqi IQ, jordanian JO, saudi SA, emirati AE, kuwaiti KW, bangladeshi BD, sri lankan LK, "
    "nepalese NP, luxembourgish LU, maltese MT, costa rican CR, salvadoran SV, honduran HN, jamaican JM, "
    "trinidadian TT, barbadian BB, bahamian BS, paraguayan PY, armenian AM, azerbaijani AZ, kazakh KZ, "
    "uzbek UZ, mongolian MN, cambodian KH, beninese BJ, cameroonian CM, congolese CD, ivorian CI, "
    "malagasy MG, mozambican MZ, rwandan RW, tanzanian TZ, zambian ZM, angolan AO, libyan LY, yemeni YE, "
    "qatari QA, bahraini BH, omani OM, belarusian BY, moldovan MD"
)
DEMONYMS.update({w.rsplit(" ", 1)[0]: w.rsplit(" ", 1)[1] for w in MORE_DEMONYMS.split(", ")})
# Fields that say the nationality is unknown: counted as not recorded, not as text to map.
UNKNOWN_TEXT = {"nationality unknown", "undetermined", "unknown", "not known", "various"}
