# SPDX-License-Identifier: EUPL-1.2
# The projects the export goldens are made from (sourced by the export
# tests and by tests/tools/goldens.sh). Needs $AIREJSE; writes export.db
# and config.yaml in the current folder. The clock is pinned, so the
# exports are the same on every run.
#
# Project 1, "Ambient scribe – Kolding", follows faerdigt-produkt and
# rsd-indkoeb part of the way, with items in every state, a sent and a
# raised hand-off, amounts, dates and choices. Project 2, "AI-indtegning
# af organer (prostata)", follows ny-ide to the in-house exemption of
# MDR art. 5(5).

AIREJSE_NOW=2026-11-23T10:00:00Z
AIREJSE_CONFIG=$PWD/config.yaml
AIREJSE_CONTENT=$TOP
AIREJSE_LOCALEDIR=$TOP/locale
export AIREJSE_NOW AIREJSE_CONFIG AIREJSE_CONTENT AIREJSE_LOCALEDIR

cat > config.yaml <<'EOF'
organisation: Region Syddanmark
contacts:
  - role: jurist
    name: Jens Jensen
    email: jens.jensen@rsyd.dk
  - role: indkoebskonsulent
    name: Mette Madsen
    email: mette.madsen@rsyd.dk
EOF

fx() {
	"$AIREJSE" --db export.db --user anne "$@" >/dev/null ||
		{ echo "fixture: airejse $* failed" >&2; exit 1; }
}

fx project new --journey faerdigt-produkt,rsd-indkoeb --name "Ambient scribe – Kolding"
fx answer 1 klinisk_behov "Lægerne i medicinsk ambulatorium bruger op til to timer om dagen på journalnotater efter samtaler med patienterne."
fx answer 1 formaal "Optager samtalen mellem læge og patient og foreslår et journalnotat, som lægen retter og godkender."
fx answer 1 patientgruppe "Voksne patienter i medicinsk ambulatorium"
fx answer 1 brugere_og_sted "Læger på medicinsk afdeling, Sygehus Lillebælt, Kolding"
fx answer 1 projektleder_email anne.hansen@rsyd.dk
fx answer 1 ce_maerket ja
fx answer 1 medicinsk_udstyr "ved ikke"
fx answer 1 persondata ja
fx answer 1 eksisterende_produkter "Tre leverandører tilbyder tale-til-notat på dansk; to er i drift i andre regioner."
fx answer 1 produkt_url https://example.com/scribe
fx answer 1 markedsdialog_form moeder
fx answer 1 markedsdialog_ligebehandling ja
fx answer 1 leverandoer "Scribe ApS"
fx answer 1 involverede_udvikling "Scribe ApS udvikler løsningen med en dansk underleverandør af talegenkendelse; ingen afdeling i regionen deltager."
fx answer 1 kravspecifikation "Dansk tale; notat direkte i EPJ; data i EU; logfiler i mindst seks måneder."
fx answer 1 business_case_gevinst "Internationale rapporter viser 20–51 % mindre tid på dokumentation og mere tid til patienten."
fx answer 1 forventet_tidsbesparelse "30"
fx answer 1 kontraktvaerdi "2,4 mio. kr."
fx answer 1 driftsomkostning_aar "450.000 kr."
fx answer 1 business_case_risici "Fejl i de genererede notater, misforståelser og manglende tilpasning til dansk tale og lokale arbejdsgange. Mindskes ved lokal validering før køb, og ved at lægen retter og godkender hvert notat."
fx answer 1 business_case_beslutning afproevning
fx answer 1 finansiering_etablering 350000
fx answer 1 finansieringskilder "regional-pulje,afdelingens-budget"
fx answer 1 finansiering_afklaret nej
fx answer 1 aftale_foer_validering ja
fx answer 1 aftale_dato 15.10.2026
fx answer 1 ejer_algoritme "Scribe ApS ejer algoritmen og modellen. Regionens optagelser må ikke bruges til at træne modellen uden en særskilt aftale."
fx answer 1 databehandleraftale "ved ikke"
fx answer 1 ai_risikokategori transparens
fx answer 1 bilag_iii_anvendelse nej
fx answer 1 data_placering leverandoer-eu
fx answer 1 dataflow "Lyd fra en mobil enhed går til leverandørens tale-til-tekst i EU; notatforslaget går tilbage til EPJ."
fx answer 1 integrationer epj
fx answer 1 ai_platform nej
fx answer 1 godkendelser "dataadgang,informationssikkerhed"
fx handoff 1 jurist-persondata --state sent --due 2026-12-01 --note "Sendt til Jens Jensen"

fx project new --journey ny-ide --name "AI-indtegning af organer (prostata)"
fx answer 2 klinisk_behov "Indtegning af prostata og risikoorganer til stråleterapi tager lang tid og varierer mellem lægerne."
fx answer 2 formaal "Foreslår konturer af prostata og risikoorganer på MR-skanninger til dosisplanlægning."
fx answer 2 ce_maerket nej
fx answer 2 medicinsk_udstyr ja
fx answer 2 andet_ce_udstyr ja
fx answer 2 lovgivning_mdr_ivdr mdr
fx answer 2 risikoklasse klasse-iib
fx answer 2 bemyndiget_organ ja
fx answer 2 egenudviklet ja
fx answer 2 involverede_udvikling "Onkologisk afdeling og medicinsk fysik på OUH sammen med regionens AI-kompetenceenhed."
fx answer 2 ejer_algoritme "Region Syddanmark ejer modellen og datasættet; modellen bygger på den åbne nnU-Net-arkitektur."
fx answer 2 art55_qms ja
fx answer 2 art55_teknisk_dokumentation "ved ikke"
fx answer 2 art55_ikke_overfoert ja
fx answer 2 art55_begrundelse "Intet CE-mærket produkt på markedet håndterer vores multimodale MR-protokol med den nødvendige præcision."
fx answer 2 art55_lmst ja
fx answer 2 art55_erklaering nej
fx answer 2 ai_risikokategori hoejrisiko
fx handoff 2 mdr-indledende --state answered --note "Gennemgået på MDR-mødet"
fx handoff 2 mdr-in-house --state answered
# Reviews and a sign-off, for the checklists' sign-off blocks: the
# lawyer finds the law acceptable and signs off; the procurement
# consultant sends the tender back to be corrected.
fx --role jurist review 1 --section indkoeb/jura --state acceptable
fx --role jurist review 1 --handoff jurist-persondata --state acceptable
fx --role jurist signoff 1 --name "Jens Jensen"
fx --role indkoebskonsulent review 1 --section indkoeb/udbud --state to-correct \
    --comment "Kontraktværdien skal med driften i 4 år – ret den"
