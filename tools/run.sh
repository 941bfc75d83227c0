#!/usr/bin/env bash
# The README's first command: install what is missing, build, and start
# the web application on 127.0.0.1:8080 with the embedded SQLite store
# (var/selter-demo.db) and the demo data, printing what to open and the
# demo logins.  Ctrl-C (SIGINT) or SIGTERM stops it gracefully.
# Settings: PORT (default 8080), DB (default var/selter-demo.db).
set -euo pipefail
cd "$(dirname "$0")/.."
tools/deps.sh run
[ -f build-release/build.ninja ] ||
	meson setup build-release --buildtype=release -Dtests=disabled >/dev/null
ninja -C build-release >/dev/null
selter=build-release/src/cli/selter
port=${PORT:-8080}
db=${DB:-var/selter-demo.db}
mkdir -p "$(dirname "$db")"
cat <<MSG
== selter: seleksi terbuka, Kabupaten Demak (data demo)

Buka:   http://127.0.0.1:$port/         (portal publik: pengumuman)
        http://127.0.0.1:$port/masuk    (masuk)

Akun demo (kata sandi semuanya: demo-selter):
  admin        administrator: wilayah, akun, peran
  sekretariat  sekretariat panitia seleksi (BKPSDM)
  ketua        ketua panitia seleksi: menandatangani pengumuman
  anggota      anggota panitia seleksi
  asesor       asesor kompetensi
  narasumber   narasumber wawancara
  pyb          Pejabat yang Berwenang
  ppk          Pejabat Pembina Kepegawaian (Bupati): menetapkan panitia
  pengawas     instansi pengawas (BKN): rekomendasi, jejak audit
  anggota2..4  anggota panitia seleksi 3
  pelamar      pelamar terdaftar (Budi Santoso, NIP 197804212003031002) dengan
               data riwayat: Dasbor, "halaman pelamar", lowongan seleksi 1

Seleksi 1 sudah diumumkan; seleksi 2 menunggu tanda tangan ketua
(masuk sebagai "ketua", buka Dasbor, seleksi 2, langkah "5. Pengumuman",
lalu "Tandatangani dan terbitkan").  Seleksi 3 telah berjalan sejak 100
hari lalu: lima calon, hasil administrasi, hasil tiap tahap dengan lembar
hitung ulangnya (/seleksi/3), dan peringkat rahasia (/kelola/3/peringkat)
yang sudah sampai ke PPK: masuk sebagai "ppk" untuk memilih satu dari tiga
(/kelola/3/pilihan), lalu laporan ke instansi pengawas (/kelola/3/laporan:
dikirim "sekretariat", rekomendasi dicatat "pengawas") dan pengangkatan
(/kelola/3/pengangkatan, oleh "ppk").
Alur tiap seleksi: /kelola/N/alur.
Ketua dan anggota panitia adalah akun "ketua" dan "anggota" (di seleksi 3
juga anggota2, anggota3, anggota4); anggota lain seleksi 1 dan 2 diundang
lewat surel (lihat kotak keluar: selter mail send).
MSG
# ---- browser ----
cat <<MSG
Seleksi 4 sedang di tahap wawancara (panitianya juga anggota2..4, yang
sudah mengirim lembar nilai): masuk sebagai "anggota" atau "ketua", buka
Dasbor, "Lembar nilai Wawancara akhir", isi nilai lalu "Kirim lembar
nilai".  Nilai penilai lain tersegel sampai kelima penilai mengirim.
MSG
# ---- end browser ----
cat <<MSG
Store: $db (hapus berkas itu untuk memulai ulang data demo);
log akses: $(dirname "$db")/access.log.
Berhenti: Ctrl-C.  Perintah lain: $selter --help

MSG
exec "$selter" serve --listen 127.0.0.1 --port "$port" --db "$db" --demo \
	--access-log "$(dirname "$db")/access.log"
