import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

// Two seconds of VP8 in WebM (Chromium plays it everywhere), made with PyAV from the
// project's own environment: nothing is downloaded and no binary lives in the repository.
const MAKE_CLIP = `
import io, sys, av
from PIL import Image
buffer = io.BytesIO()
with av.open(buffer, "w", format="webm") as output:
    stream = output.add_stream("libvpx", rate=10)
    stream.width, stream.height = 160, 120
    stream.pix_fmt = "yuv420p"
    for index in range(20):
        picture = Image.new("RGB", (160, 120), (200, 80 + index * 5, 40))
        output.mux(stream.encode(av.VideoFrame.from_image(picture)))
    output.mux(stream.encode(None))
sys.stdout.buffer.write(buffer.getvalue())
`;

/** A short evidence video, generated for this run. */
export function evidenceClip(): Buffer {
  return execFileSync(join(repoRoot, '.venv', 'bin', 'python'), ['-c', MAKE_CLIP], { cwd: repoRoot, timeout: 60_000 });
}
