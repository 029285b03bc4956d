import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/App.tsx';
import { PublicStatusPage } from './components/ioc/PublicStatusPage.tsx';
import { DriverPage } from './components/gate/DriverPage.tsx';
import { I18nProvider, applyHtmlLang, readStoredLang } from './i18n/index.tsx';
import './styles.css';
import './customs.css';
import './records.css';

const initialLang = readStoredLang();
// Set before the first render so assistive technology never reads the page in the wrong language.
applyHtmlLang(initialLang);

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('index.html has no #root element');

createRoot(rootElement).render(
  <StrictMode>
    <I18nProvider initialLang={initialLang}>
      {/* The public status page opens without signing in. */}
      {window.location.pathname.replace(/\/+$/, '') === '/status' ? <PublicStatusPage /> : window.location.pathname.replace(/\/+$/, '') === '/driver' ? <DriverPage /> : <App />}
    </I18nProvider>
  </StrictMode>,
);
