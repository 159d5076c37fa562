"""Place names for demo pemda: kecamatan with their kelurahan, Puskesmas and RSUD names.

Plain data keyed by pack id, used only to give the demo recognisable names; no rule depends on
it. A pack without an entry gets generic names. When a demo needs more places than a region
has, names repeat with a Roman-numeral suffix ("Puskesmas Sewu II").
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Region:
    """Names of one region's places and the naming traditions of its people."""

    kode: str
    flavour: str  # a key of names.FLAVOURS
    kecamatan: tuple[tuple[str, tuple[str, ...]], ...]  # (kecamatan, its kelurahan)
    hospitals: tuple[str, ...]
    health_centres: tuple[str, ...] = ()  # Puskesmas names beyond the kelurahan names


def _k(name: str, kelurahan: str) -> tuple[str, tuple[str, ...]]:
    return name, tuple(part.strip() for part in kelurahan.split(",") if part.strip())


REGIONS: dict[str, Region] = {
    "surakarta-2023": Region(
        kode="SKA",
        flavour="jawa",
        kecamatan=(
            _k(
                "Banjarsari",
                "Kestalan, Gilingan, Keprabon, Timuran, Ketelan, Punggawan, Setabelan, Manahan, "
                "Mangkubumen, Sumber, Banyuanyar, Kadipiro, Nusukan, Joglo",
            ),
            _k(
                "Jebres",
                "Jebres, Gandekan, Sewu, Pucangsawit, Jagalan, Sudiroprajan, Kepatihan Kulon, "
                "Kepatihan Wetan, Purwodiningratan, Tegalharjo, Mojosongo",
            ),
            _k(
                "Laweyan",
                "Laweyan, Bumi, Jajar, Karangasem, Kerten, Pajang, Panularan, Penumping, "
                "Purwosari, Sondakan, Sriwedari",
            ),
            _k(
                "Pasar Kliwon",
                "Baluwarti, Gajahan, Joyosuran, Kampung Baru, Kauman, Kedung Lumbu, Mojo, "
                "Pasar Kliwon, Sangkrah, Semanggi",
            ),
            _k("Serengan", "Danukusuman, Jayengan, Joyotakan, Kemlayan, Kratonan, Serengan, Tipes"),
        ),
        hospitals=("Bung Karno", "Ibu Fatmawati Soekarno"),
        health_centres=(
            "Gambirsari",
            "Sibela",
            "Ngoresan",
            "Pucangsawit",
            "Purwodiningratan",
            "Setabelan",
            "Nusukan",
            "Gilingan",
            "Manahan",
        ),
    ),
    "blitar-2023": Region(
        kode="BLT",
        flavour="jawa",
        kecamatan=(
            _k(
                "Kepanjenkidul",
                "Kepanjenkidul, Kepanjenlor, Kauman, Bendo, Sentul, Ngadirejo, Tanggung",
            ),
            _k(
                "Sananwetan",
                "Sananwetan, Bendogerit, Plosokerep, Karangtengah, Rembang, Klampok, Gedog",
            ),
            _k("Sukorejo", "Sukorejo, Pakunden, Tanjungsari, Tlumpu, Karangsari, Blitar, Turi"),
        ),
        hospitals=("Mardi Waluyo",),
        health_centres=("Kepanjenkidul", "Sananwetan", "Sukorejo", "Gedog"),
    ),
    "kotim-2023": Region(
        kode="KTM",
        flavour="kalteng",
        kecamatan=(
            _k(
                "Mentawa Baru Ketapang",
                "Ketapang, Sawahan, Mentawa Baru Hulu, Mentawa Baru Hilir, Pasir Putih, Mentawa Baru Tengah",
            ),
            _k("Baamang", "Baamang Hulu, Baamang Tengah, Baamang Hilir, Baamang Barat, Tinduk"),
            _k("Seranau", "Mentaya Seberang"),
            _k("Kota Besi", "Kota Besi Hulu, Kota Besi Hilir"),
            _k("Cempaga", "Cempaka Mulia Barat, Cempaka Mulia Timur"),
            _k("Parenggean", "Parenggean"),
            _k("Mentaya Hilir Selatan", "Samuda Kota, Samuda Kecil, Samuda Besar"),
            _k("Mentaya Hilir Utara", "Bagendang Hilir"),
            _k("Pulau Hanaut", "Bapinang Hilir"),
            _k("Teluk Sampit", "Ujung Pandaran"),
            _k("Antang Kalang", "Tumbang Kalang"),
            _k("Telawang", "Sebabi"),
        ),
        hospitals=("dr. Murjani",),
        health_centres=("Ketapang I", "Ketapang II", "Baamang I", "Baamang II", "Pasir Putih"),
    ),
    "cilegon-2023": Region(
        kode="CLG",
        flavour="banten",
        kecamatan=(
            _k("Cilegon", "Bagendung, Bendungan, Ciwaduk, Ciwedus, Ketileng"),
            _k("Jombang", "Jombang Wetan, Masigit, Panggungrawi, Sukmajaya, Gedong Dalem"),
            _k("Ciwandan", "Banjar Negara, Gunung Sugih, Kepuh, Kubangsari, Randakari, Tegal Ratu"),
            _k(
                "Citangkil",
                "Citangkil, Deringo, Kebonsari, Lebak Denok, Samangraya, Tamansari, Warnasari",
            ),
            _k("Cibeber", "Bulakan, Cibeber, Cikerai, Kalitimbang, Karang Asem, Kedaleman"),
            _k("Grogol", "Gerem, Grogol, Kotasari, Rawa Arum"),
            _k("Pulomerak", "Lebak Gede, Mekarsari, Suralaya, Tamansari Merak"),
            _k("Purwakarta", "Kebondalem, Kotabumi, Pabean, Purwakarta, Ramanuju, Tegal Bunder"),
        ),
        hospitals=("Kota Cilegon",),
    ),
    "barut-2024": Region(
        kode="BRT",
        flavour="kalteng",
        kecamatan=(
            _k("Teweh Tengah", "Melayu, Lanjas, Jingah, Lahei Dua"),
            _k("Teweh Baru", "Jambu, Trahean"),
            _k("Montallat", "Montallat Satu"),
            _k("Gunung Timang", "Kandui"),
            _k("Lahei", "Lahei"),
            _k("Teweh Selatan", "Hajak"),
            _k("Gunung Purei", "Lampeong"),
            _k("Teweh Timur", "Benangin"),
            _k("Lahei Barat", "Benao"),
        ),
        hospitals=("Muara Teweh",),
    ),
}

GENERIC = Region(
    kode="",
    flavour="jawa",
    kecamatan=(
        _k("Kota", "Kauman, Pasar, Kebonsari, Sidorejo"),
        _k("Utara", "Sukamaju, Mekarsari, Tegalrejo"),
        _k("Selatan", "Sumbersari, Karanganyar, Tanjungsari"),
        _k("Timur", "Sukorejo, Sidomulyo, Margorejo"),
        _k("Barat", "Tamansari, Sukadana, Bojong"),
    ),
    hospitals=("Daerah",),
)

ROMAN = ("", " II", " III", " IV", " V", " VI", " VII", " VIII", " IX", " X")


def region_for(pack_id: str) -> Region:
    """The place names of a pack's region (generic names when the region has no entry)."""
    return REGIONS.get(pack_id, GENERIC)


def default_kode(pack_id: str) -> str:
    """The government kode of a demo for the pack, e.g. "SKA" (else the pack id's first letters)."""
    region = REGIONS.get(pack_id)
    if region is not None:
        return region.kode
    return "".join(ch for ch in pack_id.upper() if ch.isalpha())[:3] or "DEMO"


def numbered(names: tuple[str, ...], count: int) -> list[str]:
    """`count` names from a list, repeating it with " II", " III", … once it runs out."""
    if not names:
        return []
    result = []
    for index in range(count):
        cycle = index // len(names)
        suffix = ROMAN[cycle] if cycle < len(ROMAN) else f" {cycle + 1}"
        result.append(names[index % len(names)] + suffix)
    return result
