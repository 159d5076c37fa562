"""API v1 of a unit's workload and training needs, mounted in the teams router: one read,
scoped like the page (whoever may see the unit; anyone else gets the shared 404)."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils import timezone
from ninja import Router

from sikerja.core.schemas import read_answers
from sikerja.organization.http import viewer_of
from sikerja.teams import workload

router = Router(tags=["tim kerja: beban kerja"])


@router.get(
    "/teams/workload/{unit_id}",
    response=read_answers(workload.UnitWorkload),
    summary="Distribusi beban kerja dan kebutuhan pelatihan sebuah unit (V-61, V-62)",
    description=(
        "Per pegawai yang berkedudukan di unit dan unit di bawahnya: jumlah tim sebagai ketua, "
        "anggota dan Pengendali, kegiatan rencana tim yang belum selesai, penugasan yang "
        "berlaku, kegiatan yang dikembalikan untuk diperbaiki, dan gap kompetensi; tim unit yang "
        "sedang dibentuk atau aktif; kebutuhan pelatihan per kompetensi; pegawai dengan gap "
        "kompetensi dan gap yang sudah diusulkan (`gap_people`), dasar usulan kebutuhan "
        "pelatihan (`training`: wajib menurut V-62 paket regulasi, atau keputusan produk) dan "
        "apakah pemanggil boleh mengusulkannya (`may_propose`). `is_over` dan "
        "`over_total` mengikuti ambang V-61 paket regulasi (bila ada). Hanya bagi yang boleh "
        "melihat unit itu (pimpinannya, atasan, operator BKPSDM); selain itu 404 `not_found`."
    ),
)
def unit_workload_get(request: HttpRequest, unit_id: int) -> workload.UnitWorkload:
    return workload.unit_workload(
        viewer=viewer_of(request), unit_id=unit_id, on=timezone.localdate()
    )
