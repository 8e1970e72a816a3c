#!/usr/bin/env bash
# Transcode speed and the 240p rung's bitrate, measured with the app's own ffmpeg command.
# Makes a 30 s 1080p lavfi clip (moving test pattern + tone, H.264/AAC), runs the ffmpeg command the
# TranscodeVideo job builds for it (TranscodePlan.Create with the default options, copied below) RUNS times,
# and reports wall and CPU time as a ratio of the clip length, and the 240p rung's total bitrate (video + audio
# + fMP4 container: every byte a 240p viewer downloads) from the files it made.
set -euo pipefail
RUNS=${RUNS:-3}
PRESET=${PRESET:-veryfast}
work=$(mktemp -d /tmp/rm-bench-video-XXXXXX)
trap 'rm -rf "$work"' EXIT
cd "$work"

echo "==> making a 30 s 1080p30 clip"
ffmpeg -hide_banner -loglevel error -y -f lavfi -i testsrc2=size=1920x1080:rate=30:duration=30 \
  -f lavfi -i sine=frequency=440:sample_rate=48000:duration=30 \
  -c:v libx264 -preset ultrafast -crf 20 -pix_fmt yuv420p -c:a aac -b:a 128k source.mp4

# The same arguments TranscodePlan.Create builds for a 1920x1080 source with audio (default options).
transcode() {
  rm -rf out && mkdir -p out/240p out/360p out/720p && cd out
  ffmpeg -hide_banner -nostdin -loglevel error -y -i ../source.mp4 \
    -filter_complex "[0:v]scale=1280:720,setsar=1,format=yuv420p,split=2[r2][c2];[c2]scale=640:360,setsar=1,format=yuv420p,split=4[r1][c1][mp4][still];[c1]scale=426:240,setsar=1,format=yuv420p,split=1[r0];[still]trim=start=1,setpts=PTS-STARTPTS[poster]" \
    -map "[r0]" -map 0:a:0 -map "[r1]" -map 0:a:0 -map "[r2]" -map 0:a:0 \
    -c:v libx264 -preset "$PRESET" -pix_fmt yuv420p -force_key_frames "expr:gte(t,n_forced*2)" -sc_threshold 0 \
    -b:v:0 300k -maxrate:v:0 330k -bufsize:v:0 600k -b:a:0 64k \
    -b:v:1 700k -maxrate:v:1 770k -bufsize:v:1 1400k -b:a:1 96k \
    -b:v:2 2200k -maxrate:v:2 2420k -bufsize:v:2 4400k -b:a:2 128k \
    -c:a aac -ac 2 -map_metadata -1 -map_chapters -1 \
    -f hls -hls_time 2 -hls_playlist_type vod -hls_segment_type fmp4 -hls_flags independent_segments \
    -hls_fmp4_init_filename init.mp4 -hls_segment_filename "%v/seg-%03d.m4s" -master_pl_name master.m3u8 \
    -var_stream_map "v:0,a:0,name:240p v:1,a:1,name:360p v:2,a:2,name:720p" "%v/index.m3u8" \
    -map "[mp4]" -map 0:a:0 -c:a aac -ac 2 -b:a 96k \
    -c:v libx264 -preset "$PRESET" -pix_fmt yuv420p -force_key_frames "expr:gte(t,n_forced*2)" -sc_threshold 0 \
    -b:v 700k -maxrate 770k -bufsize 1400k -map_metadata -1 -map_chapters -1 -movflags +faststart fallback.mp4 \
    -map "[poster]" -frames:v 1 -c:v libwebp -quality 72 -map_metadata -1 -map_chapters -1 poster.webp
  cd ..
}

echo "==> load before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores; preset $PRESET; $RUNS runs"
for run in $(seq 1 "$RUNS"); do
  TIMEFORMAT='%R %U %S'
  { time transcode 2>ffmpeg.err; } 2> times
  read -r wall user sys < times
  bytes240=$(cat out/240p/*.mp4 out/240p/*.m4s | wc -c)
  printf 'run %d: wall %.1f s = %.2f x clip; cpu (user+sys)/2 cores %.1f s = %.2f x clip; 240p total %.0f kb/s; load %s\n' \
    "$run" "$wall" "$(echo "$wall / 30" | bc -l)" "$(echo "($user + $sys) / 2" | bc -l)" "$(echo "($user + $sys) / 2 / 30" | bc -l)" \
    "$(echo "$bytes240 * 8 / 30 / 1000" | bc -l)" "$(cut -d' ' -f1 /proc/loadavg)"
done
grep -h BANDWIDTH out/master.m3u8
