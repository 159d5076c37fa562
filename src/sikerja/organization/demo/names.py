"""Name data for demo employees: given and family names of Indonesia's main naming traditions.

Plain data, no logic. A `NameGroup` is one naming tradition; a region flavour (see `places`)
mixes groups with weights, so a Kalimantan pemda has Banjar and Dayak names next to Javanese
transmigrants, and a Banten pemda has Bantenese and Sundanese names.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class NameGroup:
    """One naming tradition: given names and second (family or patronymic-like) names."""

    male: tuple[str, ...]
    female: tuple[str, ...]
    male_last: tuple[str, ...]
    female_last: tuple[str, ...]
    muslim_share: float  # share of people who may carry the H./Hj. title after the hajj
    noble_male: str = ""  # e.g. "Tb." (Banten), "Gusti" (Banjar), "Andi" (Bugis)
    noble_female: str = ""
    single_name_share: float = 0.0  # e.g. older Javanese with one name only


def _split(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(",") if part.strip())


JAWA = NameGroup(
    male=_split(
        "Agus, Bambang, Budi, Joko, Eko, Dwi, Tri, Hadi, Heru, Slamet, Sugeng, Wahyu, Yudi, "
        "Teguh, Rudi, Arief, Bayu, Dimas, Galih, Aryo, Satrio, Wisnu, Adi, Puji, Sigit, Sukamto, "
        "Suyanto, Haryanto, Gatot, Hendro, Danang, Fajar, Anggoro, Cahyo, Irawan, Jatmiko, Priyo, "
        "Sapto, Tugino, Wahyudi, Yulianto, Hari, Dedi, Ari, Hendra, Rizky, Andika, Yoga, Bagus, "
        "Aditya, Nur, Muhammad, Ahmad, Sunarto, Suparno, Mulyadi, Sutrisno, Darmanto, Nanang"
    ),
    female=_split(
        "Sri, Siti, Dwi, Tri, Endang, Ratna, Dewi, Retno, Nining, Tutik, Suharti, Sumarni, "
        "Murni, Rini, Wulan, Ayu, Anik, Endah, Kartika, Indah, Fitri, Novita, Rina, Yuni, Dian, "
        "Erna, Heni, Ika, Lilik, Mega, Nanik, Rukmini, Sukarti, Tatik, Umi, Winarni, Puji, Nur, "
        "Diah, Eny, Yuli, Ani, Sulastri, Suryani, Wiwik, Titik, Nuning, Septi, Anisa, Putri"
    ),
    male_last=_split(
        "Setiawan, Prasetyo, Nugroho, Santoso, Wibowo, Purnomo, Susanto, Hidayat, Kurniawan, "
        "Saputro, Pamungkas, Wicaksono, Hartanto, Sulistyo, Rahardjo, Utomo, Suryono, Widodo, "
        "Sasongko, Darmawan, Wijaya, Hermawan, Firmansyah, Ardiansyah, Mahendra, Raharjo, "
        "Triyono, Mulyono, Priyanto, Supriyadi, Nurcahyo, Kuncoro, Gunawan, Susilo, Handoko"
    ),
    female_last=_split(
        "Wahyuni, Rahayu, Lestari, Astuti, Handayani, Puspitasari, Kusumawati, Wulandari, "
        "Rahmawati, Susanti, Pratiwi, Anggraini, Safitri, Maharani, Permatasari, Setyowati, "
        "Hastuti, Ningsih, Yuliani, Sari, Purwaningsih, Setyaningsih, Widyastuti, Nurhayati, "
        "Utami, Ambarwati, Sulistyowati, Indrawati, Mulyani, Kurniasari"
    ),
    muslim_share=0.9,
    single_name_share=0.08,
)

SUNDA = NameGroup(
    male=_split(
        "Asep, Dede, Ujang, Cecep, Dadang, Deden, Iwan, Aep, Yayan, Encep, Ade, Jajang, Nandang, "
        "Ridwan, Ilham, Rizal, Wawan, Usep, Dadan, Hendi, Rahmat, Yusuf, Irfan, Gilang, Rian"
    ),
    female=_split(
        "Euis, Neneng, Cucu, Imas, Yeni, Tati, Nia, Lilis, Ai, Enung, Dedeh, Iis, Nunung, Wiwin, "
        "Rina, Santi, Yanti, Neng, Elis, Dewi, Resti, Siti, Intan, Rosita"
    ),
    male_last=_split(
        "Saepudin, Sudrajat, Supriatna, Hermawan, Kurnia, Permana, Sunarya, Suryana, Hidayat, "
        "Ruhiyat, Mulyana, Sopandi, Rustandi, Setiadi, Nugraha, Ramdani, Maulana, Firdaus, "
        "Sukmana, Suganda, Sumantri, Komarudin"
    ),
    female_last=_split(
        "Kurniasih, Nurjanah, Rosita, Komalasari, Mulyani, Sumiati, Rohaeni, Nurhasanah, "
        "Herawati, Rahmawati, Karlina, Fitriani, Nurlaela, Hasanah, Sukaesih, Yulianti"
    ),
    muslim_share=0.95,
)

BANTEN = NameGroup(
    male=_split(
        "Muhammad, Ahmad, Abdul, Agus, Hasan, Ali, Mahmud, Syarif, Sahrul, Udin, Juhdi, Rohman, "
        "Saepul, Mulyadi, Hasanudin, Jaenudin, Samsul, Munir, Arif, Fahmi, Zaenal"
    ),
    female=_split(
        "Siti, Nurul, Aminah, Halimah, Umi, Eneng, Romlah, Rohimah, Maesaroh, Hasanah, Fatimah, "
        "Nur, Latifah, Khodijah, Zahra, Nadia"
    ),
    male_last=_split(
        "Fauzi, Syarif, Mulyadi, Jaelani, Sanusi, Hasanudin, Saefullah, Anwar, Munawar, Rohmat, "
        "Suhendi, Baehaki, Sobari, Marzuki, Sujai, Jamaludin, Khaerudin"
    ),
    female_last=_split(
        "Maesaroh, Khoeriyah, Rohmah, Hasanah, Mulyani, Jubaedah, Sofiah, Zakiyah, Nurhayati, "
        "Fauziah, Masruroh"
    ),
    muslim_share=0.97,
    noble_male="Tb.",
    noble_female="Ratu",
)

BANJAR = NameGroup(
    male=_split(
        "Muhammad, Ahmad, Rahmadi, Syahrani, Fahrurrazi, Zainal, Riduan, Saiful, Mahmud, "
        "Abdurrahman, Hairul, Fauzan, Norhalis, Hamdani, Syahrin, Rusdi, Hasbullah, Khairil, "
        "Akhmad, Arbain, Jumadi, Rizali, Yusransyah"
    ),
    female=_split(
        "Siti, Nor, Rahmah, Aulia, Halimah, Fatimah, Mariatul, Normila, Raudah, Masliani, "
        "Rusmini, Herliana, Khairiyah, Nurul, Zahratul, Rabiatul, Salasiah"
    ),
    male_last=_split(
        "Noor, Rahman, Ansyari, Hidayat, Fadillah, Arsyad, Ramadhan, Effendi, Mahfuzh, Rasyid, "
        "Asnawi, Hasan, Syarifuddin, Rusdiansyah, Ardiansyah, Baderi, Ilmi, Jamhari"
    ),
    female_last=_split(
        "Rahmah, Hidayah, Jannah, Maulida, Fitriani, Khairunnisa, Hasanah, Ulfah, Kiptiah, "
        "Noorhayati, Rahmawati, Sa'adah, Hayati"
    ),
    muslim_share=0.98,
    noble_male="Gusti",
    noble_female="Antung",
)

DAYAK = NameGroup(
    male=_split(
        "Yohanes, Markus, Petrus, Paulus, Yosef, Andreas, Stefanus, Herman, Yulius, Elia, "
        "Agustinus, Hendrikus, Kornelius, Damianus, Sabran, Tambun, Karya, Lukas, Natanael, "
        "Frans, Rio, Yosua, Heri, Rikson"
    ),
    female=_split(
        "Maria, Yuliana, Elisabet, Kristina, Debora, Ester, Rut, Magdalena, Natalia, Veronika, "
        "Yasinta, Agnes, Teresia, Yulita, Evi, Lidia, Sarlina, Meliana, Ria, Desi"
    ),
    male_last=_split(
        "Bangkan, Bahen, Tundjan, Saman, Dirun, Toendan, Ahat, Lambung, Nyahu, Ngabut, Uluk, "
        "Sinun, Dambung, Bungai, Dohong, Sahay, Anggen, Ilun, Asang, Rawing, Mihing, Tueh"
    ),
    female_last=_split(
        "Bangkan, Bahen, Tundjan, Saman, Toendan, Ahat, Nyahu, Sinun, Dambung, Bungai, Dohong, "
        "Sahay, Anggen, Ilun, Asang, Rawing"
    ),
    muslim_share=0.2,
)

MELAYU = NameGroup(
    male=_split("Zulkifli, Syahrial, Azhar, Hasbi, Iskandar, Khairul, Rizal, Nazaruddin, Firdaus"),
    female=_split("Nurul, Syarifah, Zulaikha, Nurlela, Aminah, Rosmawati, Zubaidah, Juwita"),
    male_last=_split("Syahputra, Amri, Zainuddin, Harun, Ismail, Yusuf, Hamid, Usman"),
    female_last=_split("Ramadhani, Syafitri, Nuraini, Azizah, Hanum, Khairani"),
    muslim_share=0.98,
)

BATAK = NameGroup(
    male=_split("Parlindungan, Tigor, Hotman, Maruli, Togar, Binsar, Martua, Roy, Daniel, Jhon"),
    female=_split("Rosmaida, Tiurma, Lasma, Rotua, Dameria, Nurhaida, Ruth, Sondang, Friska"),
    male_last=_split(
        "Simanjuntak, Siregar, Nasution, Harahap, Lubis, Sitompul, Panjaitan, Hutapea, Sinaga, "
        "Situmorang, Simatupang, Pardede, Tambunan, Sihombing, Manurung, Hutagalung"
    ),
    female_last=_split(
        "Simanjuntak, Siregar, Nasution, Harahap, Lubis, Sitompul, Panjaitan, Hutapea, Sinaga, "
        "Situmorang, Tambunan, Manurung"
    ),
    muslim_share=0.3,
)

MINANG = NameGroup(
    male=_split("Afrizal, Yusrizal, Zulhendri, Febrian, Hendra, Irwandi, Syafrizal, Deswandi"),
    female=_split("Yusnidar, Elvina, Desmawati, Rosnelly, Yenni, Rahmi, Silvia, Fitri"),
    male_last=_split("Putra, Syafri, Effendi, Chaniago, Piliang, Koto, Tanjung, Sikumbang"),
    female_last=_split("Yanti, Novia, Chaniago, Piliang, Koto, Tanjung, Marlina"),
    muslim_share=0.98,
)

BUGIS = NameGroup(
    male=_split("Muhammad, Syamsul, Ansar, Amiruddin, Irfan, Akbar, Jusman, Rusli, Hasanuddin"),
    female=_split("Nurul, Hasnah, Hasniati, Rosdiana, Nurhayati, Sitti, Fatmawati, Rahmawati"),
    male_last=_split("Hamzah, Rachman, Ramli, Basri, Mansyur, Yusuf, Syamsuddin, Latief"),
    female_last=_split("Hamzah, Rachman, Ramli, Basri, Mansyur, Latief, Amir"),
    muslim_share=0.97,
    noble_male="Andi",
    noble_female="Andi",
)

TIONGHOA = NameGroup(
    male=_split("Hendra, Budi, Wilson, Yohanes, Kevin, Ferry, Handoko, Steven"),
    female=_split("Lina, Melinda, Yuliana, Cindy, Lenny, Susan, Meliana, Olivia"),
    male_last=_split("Gunawan, Wijaya, Halim, Kusuma, Santoso, Tanuwijaya, Hartono, Setiadi"),
    female_last=_split("Gunawan, Wijaya, Halim, Kusuma, Santoso, Tanuwijaya, Hartono"),
    muslim_share=0.05,
)

MANADO = NameGroup(
    male=_split("Ronald, Frangky, Jefry, Stevanus, Johny, Reinhard, Alfrets, Meyer"),
    female=_split("Meiske, Vivi, Grace, Jein, Olivia, Novita, Deisy, Vonny"),
    male_last=_split("Wenas, Walangitan, Rumondor, Mandagi, Pangemanan, Lumentut, Kaunang"),
    female_last=_split("Wenas, Walangitan, Rumondor, Mandagi, Pangemanan, Sumampouw, Tumbelaka"),
    muslim_share=0.05,
)

GROUPS: dict[str, NameGroup] = {
    "jawa": JAWA,
    "sunda": SUNDA,
    "banten": BANTEN,
    "banjar": BANJAR,
    "dayak": DAYAK,
    "melayu": MELAYU,
    "batak": BATAK,
    "minang": MINANG,
    "bugis": BUGIS,
    "tionghoa": TIONGHOA,
    "manado": MANADO,
}

# Region flavours: which traditions a pemda's employees come from, with weights.
FLAVOURS: dict[str, tuple[tuple[str, float], ...]] = {
    "jawa": (
        ("jawa", 0.8),
        ("sunda", 0.03),
        ("melayu", 0.02),
        ("batak", 0.03),
        ("minang", 0.03),
        ("tionghoa", 0.03),
        ("manado", 0.02),
        ("bugis", 0.02),
        ("banjar", 0.02),
    ),
    "banten": (
        ("banten", 0.35),
        ("sunda", 0.33),
        ("jawa", 0.2),
        ("batak", 0.03),
        ("minang", 0.03),
        ("melayu", 0.02),
        ("tionghoa", 0.02),
        ("bugis", 0.02),
    ),
    "kalteng": (
        ("banjar", 0.35),
        ("dayak", 0.3),
        ("jawa", 0.2),
        ("bugis", 0.04),
        ("batak", 0.04),
        ("manado", 0.03),
        ("melayu", 0.02),
        ("sunda", 0.02),
    ),
}

NOBLE_SHARE = 0.04  # share of a group with a noble title that carries it
