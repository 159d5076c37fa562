"""URLs of the documents app: the public verification page, the PDF download, the kop surat."""

from django.urls import path

from sikerja.documents import views

app_name = "documents"

urlpatterns = [
    # Public, no login: the address printed under the letter's QR code.
    path("verifikasi/<str:code>/", views.verify, name="verify"),
    # Login; the letter's parties and the government's BKPSDM operators only.
    path("surat/<int:pk>/pdf/", views.letter_pdf_download, name="letter-pdf"),
    # Login; the government's BKPSDM operators only (404 for anyone else).
    path("kop-surat/", views.letterhead_page, name="letterhead"),
]
