import { useEffect, useState } from 'react';
import QRCode from 'qrcode';
import '../../gate/gate.css';

/** A crossing pass as the QR code the gate's readers scan: the driver page and the declarant's booking show the same. */
export function PassQr({ token, alt }: { token: string; alt: string }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void QRCode.toDataURL(token, { errorCorrectionLevel: 'M', margin: 2, scale: 6 }).then((url) => { if (live) setSrc(url); }, () => undefined);
    return () => { live = false; };
  }, [token]);
  return src ? <div className="driver-qr"><img src={src} alt={alt} /></div> : null;
}
