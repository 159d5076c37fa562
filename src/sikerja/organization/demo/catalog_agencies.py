"""Perangkat Daerah of a demo pemda and the names of their units.

Plain data. `AGENCY_KINDS` lists the Dinas and Badan in the order a growing demo adds them;
the Sekretariat Daerah, Sekretariat DPRD, Inspektorat, BPBD, Kecamatan and RSUD have their own
unit names below. `levels` is the structure the agency has in the real world (3 = Bidang with
Seksi or Sub Bidang, 1 = single level on the core business); a pack that offers several
placement tables for an agency type gets the one with that structure.
"""

from __future__ import annotations

from dataclasses import dataclass

Units = tuple[tuple[str, tuple[str, ...]], ...]  # (unit name, names of its sub-units)


@dataclass(frozen=True)
class AgencyKind:
    """A kind of Dinas or Badan: names, type, affairs (urusan) and its Bidang."""

    key: str
    name: str
    short: str
    agency_type: str
    domain: str
    affairs: tuple[str, ...]
    bidang: Units
    uptd: tuple[str, ...] = ()
    levels: int = 2
    region_kinds: tuple[str, ...] = ("kota", "kabupaten")
    head_title: str = ""  # when not "Kepala <name>"


def _b(name: str, subs: str) -> tuple[str, tuple[str, ...]]:
    return name, tuple(part.strip() for part in subs.split(";") if part.strip())


SECRETARIAT_SUBUNITS = ("Umum dan Kepegawaian", "Keuangan", "Perencanaan dan Evaluasi")
WORK_UNIT_SUBUNIT = "Tata Usaha"

# fmt: off
AGENCY_KINDS: tuple[AgencyKind, ...] = (
    AgencyKind("dinkes", "Dinas Kesehatan", "Dinkes", "DINAS", "kesehatan", ("kesehatan",),
        (
            _b("Kesehatan Masyarakat", "Kesehatan Keluarga dan Gizi; Promosi Kesehatan; Kesehatan Lingkungan"),
            _b("Pencegahan dan Pengendalian Penyakit", "Surveilans dan Imunisasi; Penyakit Menular; Penyakit Tidak Menular"),
            _b("Pelayanan Kesehatan", "Pelayanan Kesehatan Primer; Pelayanan Kesehatan Rujukan; Mutu Pelayanan Kesehatan"),
            _b("Sumber Daya Kesehatan", "Kefarmasian dan Alat Kesehatan; Sumber Daya Manusia Kesehatan; Pembiayaan Kesehatan"),
        ), uptd=("UPTD Laboratorium Kesehatan Daerah", "UPTD Instalasi Farmasi"),
    ),
    AgencyKind("disdik", "Dinas Pendidikan", "Disdik", "DINAS", "pendidikan", ("pendidikan",),
        (
            _b("Pembinaan Sekolah Dasar", "Kurikulum dan Penilaian SD; Peserta Didik SD; Sarana dan Prasarana SD"),
            _b("Pembinaan Sekolah Menengah Pertama", "Kurikulum dan Penilaian SMP; Peserta Didik SMP; Sarana dan Prasarana SMP"),
            _b("Pembinaan PAUD dan Pendidikan Nonformal", "Kurikulum PAUD; Kelembagaan PAUD dan PNF; Pendidikan Masyarakat"),
            _b("Pembinaan Ketenagaan", "Pendidik; Tenaga Kependidikan; Pengembangan Karier"),
        ), levels=3,
    ),
    AgencyKind("bkpsdm", "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", "BKPSDM", "BADAN", "sdm", ("kepegawaian",),
        (
            _b("Pengadaan, Pemberhentian dan Informasi", "Pengadaan; Pemberhentian dan Pensiun; Data dan Informasi Kepegawaian"),
            _b("Mutasi dan Promosi", "Mutasi; Promosi dan Kepangkatan; Jabatan Fungsional"),
            _b("Pengembangan Kompetensi Aparatur", "Pendidikan dan Pelatihan; Sertifikasi Kompetensi; Pengembangan Karier"),
            _b("Penilaian Kinerja dan Penghargaan", "Penilaian Kinerja; Disiplin; Penghargaan dan Kesejahteraan"),
        ),
    ),
    AgencyKind("bappeda", "Badan Perencanaan Pembangunan Daerah", "Bappeda", "BADAN", "perencanaan", ("perencanaan",),
        (
            _b("Perencanaan, Pengendalian dan Evaluasi Pembangunan", "Perencanaan Makro; Pengendalian; Evaluasi dan Pelaporan"),
            _b("Perekonomian dan Sumber Daya Alam", "Perekonomian; Sumber Daya Alam; Pariwisata dan Ekonomi Kreatif"),
            _b("Pemerintahan dan Pembangunan Manusia", "Pemerintahan; Pendidikan dan Kesehatan; Sosial Budaya"),
            _b("Infrastruktur dan Kewilayahan", "Prasarana Wilayah; Tata Ruang; Perumahan dan Permukiman"),
        ),
    ),
    AgencyKind("brida", "Badan Riset dan Inovasi Daerah", "BRIDA", "BADAN", "perencanaan", ("litbang",),
        (
            _b("Riset dan Kajian Kebijakan", "Kajian Sosial dan Pemerintahan; Kajian Ekonomi dan Pembangunan"),
            _b("Inovasi dan Teknologi", "Inovasi Daerah; Penerapan Teknologi"),
        ),
    ),
    AgencyKind("bpkad", "Badan Pengelolaan Keuangan dan Aset Daerah", "BPKAD", "BADAN", "keuangan", ("keuangan",),
        (
            _b("Anggaran", "Penyusunan Anggaran; Pengendalian Anggaran; Analisis Anggaran"),
            _b("Perbendaharaan", "Belanja Langsung; Belanja Tidak Langsung; Kas Daerah"),
            _b("Akuntansi dan Pelaporan", "Akuntansi; Pelaporan Keuangan; Verifikasi"),
            _b("Aset Daerah", "Penatausahaan Aset; Pemanfaatan Aset; Penghapusan Aset"),
        ), levels=3,
    ),
    AgencyKind("kominfo", "Dinas Komunikasi, Informatika, Statistik dan Persandian", "Diskominfo", "DINAS", "kominfo", ("kominfo", "statistik", "persandian"),
        (
            _b("Informasi dan Komunikasi Publik", "Pengelolaan Informasi Publik; Kemitraan Media; Layanan Aspirasi"),
            _b("Aplikasi Informatika", "Pengembangan Aplikasi; Tata Kelola SPBE; Layanan Data"),
            _b("Infrastruktur Teknologi Informasi dan Komunikasi", "Jaringan; Pusat Data; Keamanan Informasi"),
            _b("Statistik dan Persandian", "Statistik Sektoral; Persandian; Keamanan Sandi"),
        ),
    ),
    AgencyKind("satpolpp", "Satuan Polisi Pamong Praja", "Satpol PP", "SATUAN", "trantib", ("trantibum_linmas",),
        (
            _b("Penegakan Peraturan Daerah", "Penyelidikan dan Penyidikan; Pembinaan dan Pengawasan; Pengamanan"),
            _b("Ketenteraman dan Ketertiban Umum", "Operasi dan Pengendalian; Kerja Sama; Patroli"),
            _b("Perlindungan Masyarakat", "Satuan Perlindungan Masyarakat; Bina Potensi Masyarakat; Kesiapsiagaan"),
        ), levels=3,
    ),
    AgencyKind("dishub", "Dinas Perhubungan", "Dishub", "DINAS", "perhubungan", ("perhubungan",),
        (
            _b("Lalu Lintas", "Manajemen Lalu Lintas; Rekayasa Lalu Lintas; Keselamatan"),
            _b("Angkutan", "Angkutan Orang; Angkutan Barang; Terminal"),
            _b("Sarana dan Prasarana", "Sarana; Prasarana; Perlengkapan Jalan"),
            _b("Perparkiran", "Parkir Tepi Jalan; Parkir Khusus; Retribusi Parkir"),
        ), uptd=("UPTD Pengujian Kendaraan Bermotor", "UPTD Terminal Tipe C"), levels=3,
    ),
    AgencyKind("pupr", "Dinas Pekerjaan Umum dan Penataan Ruang", "DPUPR", "DINAS", "pu", ("pupr",),
        (
            _b("Bina Marga", "Pembangunan Jalan dan Jembatan; Pemeliharaan Jalan; Perencanaan Teknis"),
            _b("Sumber Daya Air", "Irigasi; Drainase; Pengendalian Banjir"),
            _b("Cipta Karya", "Bangunan Gedung; Air Minum; Sanitasi"),
            _b("Penataan Ruang", "Perencanaan Tata Ruang; Pemanfaatan Ruang; Pengendalian Ruang"),
        ), uptd=("UPTD Peralatan dan Perbengkelan",),
    ),
    AgencyKind("dinsos", "Dinas Sosial", "Dinsos", "DINAS", "sosial", ("sosial",),
        (
            _b("Rehabilitasi Sosial", "Rehabilitasi Anak dan Lanjut Usia; Rehabilitasi Penyandang Disabilitas; Tuna Sosial"),
            _b("Perlindungan dan Jaminan Sosial", "Korban Bencana Sosial; Jaminan Sosial Keluarga; Data Kesejahteraan Sosial"),
            _b("Pemberdayaan Sosial dan Penanganan Fakir Miskin", "Pemberdayaan Sosial; Penanganan Fakir Miskin; Kepahlawanan"),
        ), uptd=("UPTD Panti Sosial",),
    ),
    AgencyKind("bpbd", "Badan Penanggulangan Bencana Daerah", "BPBD", "BPBD", "bencana", ("penanggulangan_bencana",),
        (
            _b("Pencegahan dan Kesiapsiagaan", "Pencegahan; Kesiapsiagaan"),
            _b("Kedaruratan dan Logistik", "Kedaruratan; Logistik"),
            _b("Rehabilitasi dan Rekonstruksi", "Rehabilitasi; Rekonstruksi"),
        ), head_title="Kepala Pelaksana Badan Penanggulangan Bencana Daerah",
    ),
    AgencyKind("kesbangpol", "Badan Kesatuan Bangsa dan Politik", "Kesbangpol", "KESBANGPOL", "pemerintahan", ("kesbangpol",),
        (
            _b("Ideologi dan Wawasan Kebangsaan", "Ideologi; Wawasan Kebangsaan"),
            _b("Politik Dalam Negeri dan Organisasi Kemasyarakatan", "Politik Dalam Negeri; Organisasi Kemasyarakatan"),
            _b("Kewaspadaan Nasional dan Penanganan Konflik", "Kewaspadaan Dini; Penanganan Konflik"),
        ),
    ),
    AgencyKind("dukcapil", "Dinas Kependudukan dan Pencatatan Sipil", "Disdukcapil", "DINAS", "kependudukan", ("adminduk_capil",),
        (
            _b("Pelayanan Pendaftaran Penduduk", "Identitas Penduduk; Pindah Datang; Pendataan Penduduk"),
            _b("Pelayanan Pencatatan Sipil", "Kelahiran dan Kematian; Perkawinan dan Perceraian; Perubahan Status Anak"),
            _b("Pengelolaan Informasi Administrasi Kependudukan", "Sistem Informasi; Pengolahan Data; Tata Kelola"),
        ),
    ),
    AgencyKind("dlh", "Dinas Lingkungan Hidup", "DLH", "DINAS", "lingkungan", ("lingkungan_hidup",),
        (
            _b("Tata Lingkungan", "Perencanaan Lingkungan; Kajian Dampak Lingkungan; Pemeliharaan Lingkungan"),
            _b("Pengelolaan Sampah dan Limbah B3", "Pengurangan Sampah; Penanganan Sampah; Limbah B3"),
            _b("Pengendalian Pencemaran dan Kerusakan Lingkungan", "Pemantauan; Penegakan Hukum Lingkungan; Pemulihan"),
        ), uptd=("UPTD Tempat Pemrosesan Akhir",),
    ),
    AgencyKind("pertanian", "Dinas Pertanian dan Perikanan", "Dispertan", "DINAS", "pertanian", ("pertanian", "kelautan_perikanan"),
        (
            _b("Tanaman Pangan dan Hortikultura", "Produksi Tanaman; Perlindungan Tanaman; Penyuluhan"),
            _b("Peternakan dan Kesehatan Hewan", "Produksi Ternak; Kesehatan Hewan; Kesehatan Masyarakat Veteriner"),
            _b("Perikanan", "Budidaya Ikan; Pengolahan Hasil Perikanan; Pemasaran"),
        ), uptd=("UPTD Pusat Kesehatan Hewan", "UPTD Balai Benih"),
    ),
    AgencyKind("pangan", "Dinas Ketahanan Pangan", "DKP", "DINAS", "pertanian", ("pangan",),
        (
            _b("Ketersediaan dan Kerawanan Pangan", "Ketersediaan Pangan; Kerawanan Pangan"),
            _b("Distribusi dan Cadangan Pangan", "Distribusi Pangan; Cadangan Pangan"),
            _b("Konsumsi dan Keamanan Pangan", "Konsumsi Pangan; Keamanan Pangan"),
        ),
    ),
    AgencyKind("bapenda", "Badan Pendapatan Daerah", "Bapenda", "BADAN", "keuangan", ("keuangan",),
        (
            _b("Pendataan dan Penetapan", "Pendataan; Penilaian; Penetapan"),
            _b("Penagihan dan Keberatan", "Penagihan; Keberatan; Pemeriksaan"),
            _b("Pajak Bumi dan Bangunan", "Pendataan PBB; Pelayanan PBB; Penagihan PBB"),
        ), levels=3,
    ),
    AgencyKind("damkar", "Dinas Pemadam Kebakaran dan Penyelamatan", "Damkar", "DINAS", "damkar", ("trantibum_linmas",),
        (
            _b("Pemadaman dan Penyelamatan", "Operasi Pemadaman; Penyelamatan; Sarana Pemadaman"),
            _b("Pencegahan Kebakaran", "Inspeksi; Penyuluhan; Pemberdayaan Masyarakat"),
        ), levels=3,
    ),
    AgencyKind("disdag", "Dinas Perdagangan", "Disdag", "DINAS", "perdagangan", ("perdagangan",),
        (
            _b("Perdagangan", "Perdagangan Dalam Negeri; Distribusi; Perlindungan Konsumen"),
            _b("Pengelolaan Pasar", "Pasar Tradisional; Kebersihan dan Ketertiban Pasar; Retribusi Pasar"),
            _b("Metrologi Legal", "Pelayanan Tera; Pengawasan Metrologi; Sumber Daya Metrologi"),
        ), uptd=("UPTD Metrologi Legal",),
    ),
    AgencyKind("kukm", "Dinas Koperasi, Usaha Kecil dan Menengah dan Perindustrian", "Diskopukmperin", "DINAS", "perdagangan", ("kukm", "perindustrian"),
        (
            _b("Koperasi", "Kelembagaan Koperasi; Pengawasan Koperasi; Pemberdayaan Koperasi"),
            _b("Usaha Mikro, Kecil dan Menengah", "Pemberdayaan Usaha; Fasilitasi Pembiayaan; Pemasaran Produk"),
            _b("Perindustrian", "Industri Kecil dan Menengah; Sentra Industri; Standardisasi"),
        ),
    ),
    AgencyKind("disnaker", "Dinas Tenaga Kerja", "Disnaker", "DINAS", "tenaga_kerja", ("tenaga_kerja",),
        (
            _b("Pelatihan dan Produktivitas", "Pelatihan Kerja; Produktivitas; Sertifikasi"),
            _b("Penempatan Tenaga Kerja", "Penempatan Dalam Negeri; Perluasan Kesempatan Kerja; Informasi Pasar Kerja"),
            _b("Hubungan Industrial", "Persyaratan Kerja; Penyelesaian Perselisihan; Jaminan Sosial Tenaga Kerja"),
        ),
    ),
    AgencyKind("dp3a", "Dinas Pemberdayaan Perempuan, Perlindungan Anak, Pengendalian Penduduk dan Keluarga Berencana", "DP3AP2KB", "DINAS", "sosial", ("pppa", "ppkb"),
        (
            _b("Pemberdayaan Perempuan", "Kualitas Hidup Perempuan; Pengarusutamaan Gender; Data Gender"),
            _b("Perlindungan Anak", "Pemenuhan Hak Anak; Perlindungan Khusus Anak; Kota Layak Anak"),
            _b("Pengendalian Penduduk dan Keluarga Berencana", "Pengendalian Penduduk; Keluarga Berencana; Ketahanan Keluarga"),
        ),
    ),
    AgencyKind("perkim", "Dinas Perumahan, Kawasan Permukiman dan Pertanahan", "Disperkim", "DINAS", "pu", ("perkim", "pertanahan"),
        (
            _b("Perumahan", "Penyediaan Perumahan; Rumah Tidak Layak Huni; Pembiayaan Perumahan"),
            _b("Kawasan Permukiman", "Permukiman Kumuh; Prasarana Permukiman; Penerangan Jalan Umum"),
            _b("Pertanahan", "Pengadaan Tanah; Sengketa Tanah; Inventarisasi Tanah"),
        ),
    ),
    AgencyKind("budpar", "Dinas Pariwisata", "Dispar", "DINAS", "pariwisata", ("pariwisata",),
        (
            _b("Destinasi Pariwisata", "Pengembangan Destinasi; Daya Tarik Wisata; Industri Pariwisata"),
            _b("Pemasaran Pariwisata", "Promosi; Kerja Sama; Ekonomi Kreatif"),
        ),
    ),
    AgencyKind("budaya", "Dinas Kebudayaan", "Disbud", "DINAS", "pariwisata", (),
        (
            _b("Cagar Budaya dan Permuseuman", "Cagar Budaya; Permuseuman"),
            _b("Kesenian dan Tradisi", "Kesenian; Sejarah dan Tradisi"),
        ), uptd=("UPTD Museum",),
    ),
    AgencyKind("dispora", "Dinas Kepemudaan dan Olahraga", "Dispora", "DINAS", "pemerintahan", ("kepemudaan_olahraga",),
        (
            _b("Kepemudaan", "Pemberdayaan Pemuda; Kepeloporan Pemuda; Kewirausahaan Pemuda"),
            _b("Olahraga", "Olahraga Prestasi; Olahraga Rekreasi; Sarana Olahraga"),
        ), levels=1,
    ),
    AgencyKind("arpus", "Dinas Perpustakaan dan Kearsipan", "Disarpus", "DINAS", "perpustakaan", ("perpustakaan", "kearsipan"),
        (
            _b("Perpustakaan", "Layanan Perpustakaan; Pengembangan Koleksi; Pembudayaan Gemar Membaca"),
            _b("Kearsipan", "Pengelolaan Arsip; Pembinaan Kearsipan; Akuisisi Arsip"),
        ), levels=1,
    ),
    AgencyKind("dpmptsp", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "DPMPTSP", "DINAS", "investasi", ("penanaman_modal",),
        (
            _b("Promosi dan Kerja Sama Penanaman Modal", "Promosi; Kerja Sama; Iklim Investasi"),
            _b("Pelayanan Perizinan", "Perizinan Usaha; Perizinan Non Usaha; Pengaduan"),
            _b("Pengendalian Penanaman Modal", "Pemantauan; Pembinaan; Data dan Informasi"),
        ),
    ),
    AgencyKind("dpmd", "Dinas Pemberdayaan Masyarakat dan Desa", "DPMD", "DINAS", "pemerintahan", ("pmd",),
        (
            _b("Pemerintahan Desa", "Administrasi Desa; Keuangan dan Aset Desa; Aparatur Desa"),
            _b("Pemberdayaan Masyarakat", "Kelembagaan Masyarakat; Pemberdayaan Ekonomi; Teknologi Tepat Guna"),
        ), region_kinds=("kabupaten",),
    ),
)
# fmt: on

# Sub-structures of the special agencies.
SETDA_ASSISTANTS: tuple[tuple[str, Units], ...] = (
    (
        "Asisten Pemerintahan dan Kesejahteraan Rakyat",
        (
            _b("Tata Pemerintahan", "Administrasi Pemerintahan; Otonomi Daerah; Kerja Sama"),
            _b("Hukum", "Perundang-undangan; Bantuan Hukum; Dokumentasi dan Informasi Hukum"),
            _b(
                "Kesejahteraan Rakyat",
                "Bina Mental Spiritual; Kesejahteraan Sosial; Pendidikan dan Kesehatan",
            ),
        ),
    ),
    (
        "Asisten Perekonomian dan Pembangunan",
        (
            _b(
                "Perekonomian dan Sumber Daya Alam",
                "Perekonomian; Sumber Daya Alam; Badan Usaha Milik Daerah",
            ),
            _b(
                "Pengadaan Barang dan Jasa",
                "Pengelolaan Pengadaan; Layanan Pengadaan Secara Elektronik; Pembinaan dan Advokasi",
            ),
            _b(
                "Administrasi Pembangunan",
                "Perencanaan dan Pengendalian; Evaluasi dan Pelaporan; Pembinaan Administrasi",
            ),
        ),
    ),
    (
        "Asisten Administrasi Umum",
        (
            _b(
                "Organisasi",
                "Kelembagaan dan Analisis Jabatan; Reformasi Birokrasi; Kinerja dan Tata Laksana",
            ),
            _b("Umum", "Tata Usaha Pimpinan; Rumah Tangga; Keuangan"),
            _b(
                "Protokol dan Komunikasi Pimpinan",
                "Protokol; Komunikasi Pimpinan; Dokumentasi Pimpinan",
            ),
        ),
    ),
)
SETDA_DOMAINS = {
    "Hukum": "hukum",
    "Pengadaan Barang dan Jasa": "pbj",
    "Umum": "umum",
    "Tata Pemerintahan": "pemerintahan",
    "Administrasi Pembangunan": "perencanaan",
}
SETWAN_BAGIAN: Units = (
    _b("Umum dan Keuangan", "Tata Usaha dan Kepegawaian; Keuangan; Rumah Tangga"),
    _b(
        "Persidangan dan Perundang-undangan",
        "Rapat dan Risalah; Perundang-undangan; Hubungan Masyarakat",
    ),
    _b("Fasilitasi Penganggaran dan Pengawasan", "Penganggaran; Pengawasan; Kajian"),
)
INSPEKTORAT_SECRETARIAT = ("Perencanaan, Evaluasi dan Pelaporan", "Administrasi Umum dan Keuangan")
KECAMATAN_SECTIONS = (
    "Pemerintahan",
    "Ketenteraman dan Ketertiban Umum",
    "Pemberdayaan Masyarakat",
    "Pelayanan Umum",
    "Kesejahteraan Sosial",
)
KECAMATAN_SECRETARIAT = ("Umum dan Kepegawaian", "Perencanaan dan Keuangan")
KELURAHAN_SECTIONS = ("Pemerintahan dan Ketenteraman", "Pemberdayaan Masyarakat", "Pelayanan Umum")
RSUD_BAGIAN: Units = (
    _b("Umum dan Keuangan", "Kepegawaian; Keuangan; Umum dan Rumah Tangga"),
    _b("Perencanaan dan Rekam Medis", "Perencanaan; Rekam Medis"),
)
RSUD_BIDANG: Units = (
    _b("Pelayanan Medik", "Pelayanan Medik Rawat Jalan; Pelayanan Medik Rawat Inap"),
    _b("Keperawatan", "Asuhan Keperawatan; Mutu Keperawatan"),
    _b("Penunjang", "Penunjang Medik; Penunjang Nonmedik"),
)
