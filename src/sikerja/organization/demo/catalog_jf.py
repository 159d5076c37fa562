"""Jabatan Fungsional and Pelaksana positions of a pemda, with the domains where they sit.

Plain data. A domain tag ("kesehatan", "sekolah", "umum", …) says where a position belongs;
the blueprint gives every unit one domain. Degrees are the back titles the holders carry.
"""

from __future__ import annotations

from dataclasses import dataclass

KEAHLIAN = ("AHLI_PERTAMA", "AHLI_MUDA", "AHLI_MADYA", "AHLI_UTAMA")
KETERAMPILAN = ("PEMULA", "TERAMPIL", "MAHIR", "PENYELIA")
GRADE_LABEL = {
    "AHLI_UTAMA": "Ahli Utama",
    "AHLI_MADYA": "Ahli Madya",
    "AHLI_MUDA": "Ahli Muda",
    "AHLI_PERTAMA": "Ahli Pertama",
    "PENYELIA": "Penyelia",
    "MAHIR": "Mahir",
    "TERAMPIL": "Terampil",
    "PEMULA": "Pemula",
}
# How often each grade occurs among holders (a formation has few seniors, many juniors).
GRADE_WEIGHT = {
    "AHLI_PERTAMA": 4.0,
    "AHLI_MUDA": 3.5,
    "AHLI_MADYA": 1.5,
    "AHLI_UTAMA": 0.2,
    "PEMULA": 0.5,
    "TERAMPIL": 4.0,
    "MAHIR": 3.0,
    "PENYELIA": 1.5,
}


@dataclass(frozen=True)
class JfKind:
    """One Jabatan Fungsional: its name, tracks, domains and the titles of its holders."""

    name: str
    domains: tuple[str, ...]
    expert_degrees: tuple[str, ...] = ()  # back titles of the keahlian track (empty: no track)
    skill_degrees: tuple[str, ...] = ()  # back titles of the keterampilan track
    front: str = ""  # "dr.", "drg.", "apt.", "drh."
    female_share: float = 0.5
    weight: float = 1.0  # how many holders it draws compared with other JF of its domain

    @property
    def grades(self) -> tuple[str, ...]:
        return (KEAHLIAN if self.expert_degrees else ()) + (
            KETERAMPILAN if self.skill_degrees else ()
        )


@dataclass(frozen=True)
class PelaksanaKind:
    """One Pelaksana position name, with its domains and holders' back titles."""

    name: str
    domains: tuple[str, ...]
    degrees: tuple[str, ...] = ("",)
    female_share: float = 0.5
    weight: float = 1.0


JF_KINDS: tuple[JfKind, ...] = (
    JfKind(
        "Analis Kebijakan",
        ("setda", "perencanaan", "pemerintahan"),
        ("S.Sos., M.Si.", "S.IP.", "S.H.", "S.AP., M.AP."),
    ),
    JfKind(
        "Perencana",
        ("perencanaan", "umum"),
        ("S.T., M.T.", "S.E., M.Si.", "S.P.", "S.E."),
        weight=0.8,
    ),
    JfKind(
        "Analis Sumber Daya Manusia Aparatur",
        ("sdm", "setda", "umum"),
        ("S.Psi.", "S.Sos.", "S.AP."),
        weight=0.7,
    ),
    JfKind("Asesor Sumber Daya Manusia Aparatur", ("sdm",), ("S.Psi., M.Psi.", "S.Psi.")),
    JfKind(
        "Pranata Komputer",
        ("kominfo", "umum", "kependudukan"),
        ("S.Kom.", "S.T."),
        ("A.Md.Kom.", "A.Md."),
        female_share=0.35,
        weight=0.6,
    ),
    JfKind("Arsiparis", ("umum", "perpustakaan"), ("S.Hum.", "S.I.P."), ("A.Md.", ""), weight=0.6),
    JfKind("Penata Laksana Barang", ("umum",), (), ("A.Md.", ""), weight=0.4),
    JfKind(
        "Auditor", ("pengawasan",), ("S.E., Ak.", "S.Ak.", "S.E., M.Ak."), ("A.Md.Ak.",), weight=1.5
    ),
    JfKind(
        "Pengawas Penyelenggaraan Urusan Pemerintahan di Daerah",
        ("pengawasan",),
        ("S.H.", "S.IP.", "S.Sos., M.Si."),
    ),
    JfKind(
        "Analis Keuangan Pusat dan Daerah",
        ("keuangan", "umum"),
        ("S.E.", "S.Ak.", "S.E., M.M."),
        weight=0.6,
    ),
    JfKind("Penilai Pemerintah", ("keuangan",), ("S.E.", "S.T.")),
    JfKind(
        "Pengelola Pengadaan Barang/Jasa",
        ("pbj", "umum"),
        ("S.T.", "S.E.", "S.Kom."),
        ("A.Md.",),
        female_share=0.35,
        weight=0.5,
    ),
    JfKind("Analis Hukum", ("hukum",), ("S.H.", "S.H., M.H.")),
    JfKind("Perancang Peraturan Perundang-undangan", ("hukum",), ("S.H., M.H.", "S.H.")),
    JfKind("Pranata Hubungan Masyarakat", ("kominfo", "setda"), ("S.I.Kom.", "S.Sos."), ("A.Md.",)),
    JfKind("Statistisi", ("kominfo", "perencanaan"), ("S.Si.", "S.Stat."), ("A.Md.Stat.",)),
    JfKind("Sandiman", ("kominfo",), ("S.Tr.Sdn.", "S.Kom."), ("A.Md.",), female_share=0.3),
    JfKind(
        "Guru", ("sekolah",), ("S.Pd.", "S.Pd., M.Pd.", "S.Pd.I.", "S.Pd.SD."), female_share=0.65
    ),
    JfKind("Pamong Belajar", ("spnf",), ("S.Pd.", "S.Pd., M.Pd.")),
    JfKind("Penilik", ("pendidikan",), ("S.Pd.", "S.Pd., M.Pd.")),
    JfKind(
        "Dokter", ("puskesmas", "rs", "kesehatan"), ("", "M.Kes."), front="dr.", female_share=0.6
    ),
    JfKind(
        "Dokter Gigi",
        ("puskesmas", "rs"),
        ("", "M.Kes."),
        front="drg.",
        female_share=0.7,
        weight=0.4,
    ),
    JfKind(
        "Perawat",
        ("puskesmas", "rs"),
        ("S.Kep., Ns.",),
        ("A.Md.Kep.",),
        female_share=0.7,
        weight=3.0,
    ),
    JfKind(
        "Bidan",
        ("puskesmas", "rs"),
        ("S.Tr.Keb.", "S.Keb., Bd."),
        ("A.Md.Keb.",),
        female_share=1.0,
        weight=2.0,
    ),
    JfKind(
        "Apoteker",
        ("puskesmas", "rs", "kesehatan"),
        ("S.Farm.",),
        front="apt.",
        female_share=0.75,
        weight=0.4,
    ),
    JfKind(
        "Asisten Apoteker", ("puskesmas", "rs"), (), ("A.Md.Farm.",), female_share=0.75, weight=0.4
    ),
    JfKind(
        "Pranata Laboratorium Kesehatan",
        ("puskesmas", "rs"),
        ("S.Tr.Kes.",),
        ("A.Md.AK.",),
        female_share=0.65,
        weight=0.5,
    ),
    JfKind(
        "Nutrisionis", ("puskesmas", "rs"), ("S.Gz.",), ("A.Md.Gz.",), female_share=0.8, weight=0.4
    ),
    JfKind(
        "Sanitarian",
        ("puskesmas", "kesehatan", "lingkungan"),
        ("S.KM.",),
        ("A.Md.KL.",),
        weight=0.4,
    ),
    JfKind("Epidemiolog Kesehatan", ("kesehatan",), ("S.KM., M.Epid.", "S.KM.")),
    JfKind("Penyuluh Kesehatan Masyarakat", ("kesehatan", "puskesmas"), ("S.KM.",), weight=0.4),
    JfKind("Administrator Kesehatan", ("kesehatan", "rs"), ("S.KM., M.Kes.", "S.KM.")),
    JfKind("Perekam Medis", ("rs", "puskesmas"), (), ("A.Md.RMIK.", "A.Md.PK."), weight=0.4),
    JfKind("Radiografer", ("rs",), (), ("A.Md.Rad.",), weight=0.3),
    JfKind("Fisioterapis", ("rs",), (), ("A.Md.Ftr.",), weight=0.3),
    JfKind(
        "Penyuluh Pertanian", ("pertanian",), ("S.P.",), ("A.Md.P.",), female_share=0.35, weight=2.0
    ),
    JfKind("Pengawas Benih Tanaman", ("pertanian",), ("S.P.",), ("A.Md.P.",)),
    JfKind("Medik Veteriner", ("pertanian",), ("",), front="drh."),
    JfKind("Penyuluh Perikanan", ("pertanian",), ("S.Pi.",), ("A.Md.Pi.",)),
    JfKind("Analis Ketahanan Pangan", ("pertanian",), ("S.P.", "S.TP.")),
    JfKind("Pekerja Sosial", ("sosial",), ("S.Sos.", "S.Tr.Sos."), ("A.Md.",), weight=1.5),
    JfKind("Penyuluh Sosial", ("sosial",), ("S.Sos.",)),
    JfKind("Penyuluh Keluarga Berencana", ("sosial",), ("S.Sos.", "S.KM."), female_share=0.7),
    JfKind(
        "Penguji Kendaraan Bermotor",
        ("perhubungan",),
        ("S.T.",),
        ("A.Md.T.", ""),
        female_share=0.15,
        weight=1.5,
    ),
    JfKind(
        "Teknik Jalan dan Jembatan",
        ("pu",),
        ("S.T.", "S.T., M.T."),
        ("A.Md.T.",),
        female_share=0.25,
    ),
    JfKind("Teknik Pengairan", ("pu",), ("S.T.",), ("A.Md.T.",), female_share=0.25),
    JfKind(
        "Teknik Tata Bangunan dan Perumahan",
        ("pu", "perkim"),
        ("S.T.", "S.T., M.T."),
        ("A.Md.T.",),
        female_share=0.3,
    ),
    JfKind("Penata Ruang", ("pu", "perencanaan"), ("S.T.", "S.PWK.")),
    JfKind("Pengendali Dampak Lingkungan", ("lingkungan",), ("S.T.", "S.Si.")),
    JfKind("Pengawas Lingkungan Hidup", ("lingkungan",), ("S.Si.", "S.T.")),
    JfKind(
        "Polisi Pamong Praja", ("trantib",), ("S.H.", "S.Sos."), ("",), female_share=0.2, weight=3.0
    ),
    JfKind(
        "Penata Penanggulangan Bencana",
        ("bencana",),
        ("S.T.", "S.Si."),
        ("A.Md.",),
        female_share=0.25,
        weight=1.5,
    ),
    JfKind("Analis Kebakaran", ("damkar",), ("S.T.",), female_share=0.1),
    JfKind("Pemadam Kebakaran", ("damkar",), (), ("",), female_share=0.05, weight=3.0),
    JfKind("Administrator Database Kependudukan", ("kependudukan",), ("S.Kom.", "S.T.")),
    JfKind("Pustakawan", ("perpustakaan",), ("S.IP.", "S.Hum."), ("A.Md.",), female_share=0.65),
    JfKind("Penggerak Swadaya Masyarakat", ("pemerintahan", "sosial"), ("S.Sos.", "S.IP.")),
    JfKind("Analis Perdagangan", ("perdagangan",), ("S.E.",)),
    JfKind("Penera", ("perdagangan",), ("S.T.",), ("A.Md.",), female_share=0.3),
    JfKind("Pengawas Koperasi", ("perdagangan",), ("S.E.",)),
    JfKind("Adyatama Kepariwisataan dan Ekonomi Kreatif", ("pariwisata",), ("S.Par.", "S.E.")),
    JfKind("Pamong Budaya", ("pariwisata",), ("S.S.", "S.Sn.")),
    JfKind("Mediator Hubungan Industrial", ("tenaga_kerja",), ("S.H.",)),
    JfKind("Pengantar Kerja", ("tenaga_kerja",), ("S.Psi.", "S.Sos.")),
    JfKind("Analis Investasi", ("investasi",), ("S.E.", "S.E., M.Si.")),
)

PELAKSANA_KINDS: tuple[PelaksanaKind, ...] = (
    PelaksanaKind(
        "Pengadministrasi Perkantoran", ("*",), ("", "", "A.Md."), female_share=0.6, weight=2.0
    ),
    PelaksanaKind("Pengelola Data", ("*",), ("S.Kom.", "A.Md.", "")),
    PelaksanaKind("Penata Layanan Operasional", ("*",), ("S.E.", "S.Sos.", "S.AP.", "S.H.")),
    PelaksanaKind("Operator Layanan Operasional", ("*",), ("", "A.Md.")),
    PelaksanaKind("Pengemudi", ("umum",), ("",), female_share=0.0, weight=0.6),
    PelaksanaKind("Bendahara", ("umum",), ("S.E.", "A.Md.Ak."), female_share=0.7, weight=0.4),
    PelaksanaKind("Pengurus Barang", ("umum",), ("", "S.E."), weight=0.4),
    PelaksanaKind(
        "Pengolah Data dan Informasi",
        ("pemerintahan", "kependudukan", "kominfo"),
        ("S.Kom.", "A.Md.", ""),
    ),
    PelaksanaKind("Petugas Keamanan", ("trantib", "damkar"), ("",), female_share=0.1),
)


def jf_for(domain: str) -> tuple[JfKind, ...]:
    """The JF that belong to a domain, in catalogue order."""
    return tuple(kind for kind in JF_KINDS if domain in kind.domains)


def pelaksana_for(domain: str) -> tuple[PelaksanaKind, ...]:
    """The Pelaksana positions of a domain ("*" ones belong everywhere)."""
    return tuple(kind for kind in PELAKSANA_KINDS if "*" in kind.domains or domain in kind.domains)


def jf_by_name(name: str) -> JfKind:
    """The catalogue entry of a JF."""
    for kind in JF_KINDS:
        if kind.name == name:
            return kind
    raise KeyError(name)
