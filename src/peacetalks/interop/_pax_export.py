"""Agreements → PA-X rows (CSV), the typed fields and the kept source cells.

A proposal imported from PA-X gives back its row: the columns its typed fields
hold, with the row's kept cells over them. An agreed proposal made in
peacetalks gives a row from its typed fields alone.
"""

from __future__ import annotations

import re

from peacetalks.document import Document
from peacetalks.interop._columns import kept_rows, write_csv
from peacetalks.proposal import AgreementStage, Proposal, Signing

__all__ = ["DATASET", "HEADER", "proposal_columns", "to_pax"]

DATASET = "pax"
#: The columns of PA-X version 6, in its order.
HEADER = (
    "Con", "Contp", "PP", "PPName", "Reg", "AgtId", "Ver", "Agt", "Dat", "Status", "Lgt",
    "N_characters", "Agtp", "Stage", "StageSub", "Part", "ThrdPart", "OthAgr", "Loc1ISO",
    "Loc2ISO", "Loc1GWNO", "Loc2GWNO", "UcdpCon", "UcdpAgr", "PamAgr", "CowWar", "Interim", "GCh",
    "GChRhet", "GChAntid", "GChSubs", "GChOth", "GDis", "GDisRhet", "GDisAntid", "GDisSubs",
    "GDisOth", "GAge", "GAgeRhet", "GAgeAntid", "GAgeSubs", "GAgeOth", "GMig", "GMigRhet",
    "GMigAntid", "GMigSubs", "GMigOth", "GRa", "GRaRhet", "GRaAntid", "GRaSubs", "GRaOth", "GRe",
    "GReRhet", "GReAntid", "GReSubs", "GReOth", "GInd", "GIndRhet", "GIndAntid", "GIndSubs",
    "GIndOth", "GOth", "GOthRhet", "GOthAntid", "GOthSubs", "GOthOth", "GRef", "GRefRhet",
    "GRefSubs", "GRefOth", "GSoc", "GSocRhet", "GSocAntid", "GSocSubs", "GSocOth", "GeWom", "GeMe",
    "GeMeNu", "GeMeOth", "GeLgbti", "GeLgbtiPos", "GeLgbtiNeg", "GeFa", "StDef", "StGen", "StCon",
    "StSd", "StRef", "StSym", "StInd", "StUni", "StBor", "StXbor", "Pol", "PolGen", "PolNewInd",
    "PolNewTemp", "ConRen", "Cons", "Ele", "ElecComm", "PolPar", "PolParTrans", "PolParOth",
    "Civso", "Tral", "Pubad", "Polps", "PpsSt", "PpsSub", "PpsEx", "PpsOro", "PpsOthPr", "PpsVet",
    "PpsAut", "PpsInt", "PpsOth", "Terps", "TpsSub", "TpsLoc", "TpsAut", "TpsOth", "Eps", "EpsRes",
    "EpsFis", "EpsOth", "Mps", "MpsMe", "MpsJt", "MpsPro", "MpsOth", "HrGen", "EqGen", "HrDem",
    "Prot", "ProtCiv", "ProtGrp", "ProtLgl", "ProtOth", "HrFra", "HrfSp", "HrfBor", "HrfTinc",
    "HrfOth", "HrCp", "CprLife", "CprTort", "CprEq", "CprSlav", "CprLib", "CprDet", "CprFmov",
    "CprFspe", "CprFass", "CprTria", "CprPriv", "CprVote", "CprReli", "CprOth", "HrSec", "SerProp",
    "SerWork", "SerHeal", "SerEdu", "SerStdl", "SerShel", "SerSs", "SerCult", "SerOth", "HrNi",
    "HrNiMe", "HrNiNe", "HrNiOth", "HrIi", "HrIiMon", "HrIiBod", "HrIiOth", "HrMob", "HrDet",
    "Med", "MedGov", "MedSubs", "MedLog", "MedOth", "HrCit", "CitGen", "CitRights", "CitDef",
    "CitOth", "JusCr", "JusCrSp", "JusCrSys", "JusCrPow", "JusEm", "JusJu", "JusPri", "JusTra",
    "Dev", "DevSoc", "DevHum", "DevInfra", "NEC", "NatRes", "IntFu", "Bus", "Tax", "TaxPo",
    "TaxRef", "TaxOth", "Ban", "CenBan", "BanPers", "BanInt", "BanXb", "LaRef", "LaRefMan",
    "LaRefRet", "LaRefOth", "LaNom", "LaCH", "LaCHTa", "LaCHIt", "LaCHPro", "LaCHOth", "LaEn",
    "Wat", "SsrGua", "Ce", "CeProv", "CeGen", "SsrPol", "SsrArm", "SsrDdr", "DdrDemil", "DdrProg",
    "SsrInt", "SsrPsf", "SsrFf", "Cor", "SsrCrOcr", "SsrDrugs", "Terr", "TjGen", "TjAm", "TjAmPro",
    "TjSan", "TjPower", "TjAmBan", "TjCou", "TjJaNc", "TjJaIc", "TjMech", "TjPrire", "TjVet",
    "TjVic", "TjMis", "TjRep", "TjRSym", "TjRMa", "TjNR", "ImUN", "ImOth", "ImRef", "ImPK", "ImE",
    "ImSrc",
)  # fmt: skip
#: The provision columns, coded 0 (not addressed) to 3.
PROVISION_COLUMNS = HEADER[HEADER.index("GCh") :]
STAGES = {
    AgreementStage.PRE_NEGOTIATION: "Pre",
    AgreementStage.PARTIAL: "SubPar",
    AgreementStage.COMPREHENSIVE: "SubComp",
    AgreementStage.CEASEFIRE: "Cea",
    AgreementStage.IMPLEMENTATION: "Imp",
    AgreementStage.RENEWAL: "Ren",
    AgreementStage.OTHER: "Oth",
}
SIGNING = {
    Signing.MULTIPARTY: "Multiparty signed/agreed",
    Signing.UNILATERAL: "Unilateral document",
    Signing.SUBSEQUENT: "Agreement with subsequent status",
    Signing.UNCLEAR: "Status unclear",
}
#: Identifier schemes and the columns they come from.
ID_COLUMNS = (
    ("pax", "AgtId"),
    ("pax_process", "PP"),
    ("ucdp_conflict", "UcdpCon"),
    ("ucdp_agreement", "UcdpAgr"),
    ("pam_agreement", "PamAgr"),
    ("cow_war", "CowWar"),
)
#: The provision columns kept as terms; the others are 0 unless kept.
_TERM = re.compile(r"\(PA-X (?P<column>[A-Za-z]+) = (?P<level>[0-9]+)\)$")


def proposal_columns(proposal: Proposal) -> dict[str, str]:
    """The PA-X columns a proposal's typed fields give."""
    columns: dict[str, str] = {}
    for scheme, column in ID_COLUMNS:
        values = [i.value for i in proposal.identifiers if i.scheme == scheme]
        if values:
            columns[column] = ", ".join(values)
    for column, value in (
        ("Agt", proposal.title),
        ("PPName", proposal.peace_process),
        ("Con", proposal.conflict),
        ("Stage", STAGES.get(proposal.stage) if proposal.stage else None),
    ):
        if value is not None:
            columns[column] = value
    agreement = proposal.agreement
    if agreement is not None:
        reached = agreement.reached
        if reached is not None and reached.earliest == reached.latest:
            columns["Dat"] = str(reached.earliest)
        if agreement.signing is not None:
            columns["Status"] = SIGNING[agreement.signing]
    # A provision the agreement has no term for is coded 0 (not addressed); the codes
    # other than 0 of the provisions not read as terms are kept as source columns.
    columns.update(dict.fromkeys(PROVISION_COLUMNS, "0"))
    for term in proposal.terms:
        found = _TERM.search(term.description or "")
        if found:
            columns[found["column"]] = found["level"]
    return columns


def to_pax(document: Document) -> tuple[str, list[str]]:
    """PA-X CSV rows for the document's agreed proposals, and notes on what was not written.

    Proposals imported from PA-X give back every cell of their row. Others
    give a row from their typed fields; their parties have no column of
    their own (PA-X writes them as prose in ``Part`` and ``ThrdPart``), which
    is noted.
    """
    rows: list[dict[str, str]] = []
    notes: list[str] = []
    extra: list[str] = []
    for proposal in document.records:
        if not isinstance(proposal, Proposal) or proposal.agreement is None:
            continue
        columns = proposal_columns(proposal)
        kept = kept_rows(proposal.source_columns, DATASET)
        cells = kept.get(None, {})
        if not kept:
            notes.append(f"{proposal.id}: parties not written (PA-X gives them as prose)")
        rows.append({**columns, **cells})
        extra.extend(c for c in cells if c not in HEADER and c not in extra)
    return write_csv((*HEADER, *extra), rows), notes
