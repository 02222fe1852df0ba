// Plays a whole conversation, a group and a refused template through the console page in a real
// headless Chromium. Run by ConsoleBrowserTest: node src/test/js/console.mjs <base url> <screenshot path>
import { chromium } from 'playwright-core';

const [base, screenshot] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const step = name => console.log('step: ' + name);
const wait = { timeout: 15000 };
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('pageerror', e => console.log('page error: ' + e.message));
  await page.goto(base + '/_console');
  await page.locator('#botInfo', { hasText: 'bot demo' }).waitFor(wait);

  step('the customer writes');
  await page.fill('#phoneText', 'Oi!');
  await page.click('#phoneSend');
  await page.locator('#botChat .bubble', { hasText: 'Oi!' }).waitFor(wait);

  step('the bot answers inside the window');
  await page.fill('#botText', 'Olá Maria!');
  await page.click('#botSend');
  await page.locator('#phoneChat .bubble:not(.me)', { hasText: 'Olá Maria!' }).waitFor(wait);
  await page.locator('#timeline .hop', { hasText: 'notification consumed' }).first().waitFor(wait);

  step('buttons, tapped');
  await page.click('#botButtons');
  await page.locator('#phoneChat button.option', { hasText: 'Sim' }).click(wait);
  await page.locator('#botChat .bubble', { hasText: 'yes' }).waitFor(wait);

  step('a list, a row chosen');
  await page.click('#botList');
  await page.locator('#phoneChat button.option', { hasText: 'Chocolate' }).click(wait);
  await page.locator('#botChat .bubble', { hasText: 'flavour-1' }).waitFor(wait);

  step('a carousel, a card\'s quick reply tapped');
  const card = (flavour, value) => ({
    header: { type: 'application/vnd.lime.media-link+json',
      value: { text: 'Bolo de ' + flavour, type: 'image/jpeg', uri: 'https://example.com/' + value + '.jpg' } },
    options: [{ label: { type: 'text/plain', value: 'Quero ' + flavour }, value: { type: 'text/plain', value } }],
  });
  await page.fill('#envelope', JSON.stringify({ type: 'application/vnd.lime.collection+json',
    content: { itemType: 'application/vnd.lime.document-select+json', items: [card('milho', 'cake-1'), card('fubá', 'cake-2')] } }));
  await page.click('#sendEnvelope');
  await page.locator('#phoneChat .card button.option', { hasText: 'Quero fubá' }).click(wait);
  await page.locator('#botChat .bubble', { hasText: 'cake-2' }).waitFor(wait);

  step('a link button shown');
  await page.fill('#envelope', JSON.stringify({ type: 'application/vnd.lime.web-link+json',
    content: { uri: 'https://example.com/cardapio', title: 'Cardápio', text: 'Nosso cardápio' } }));
  await page.click('#sendEnvelope');
  await page.locator('#phoneChat a.link', { hasText: 'Cardápio' }).waitFor(wait);

  step('a reaction to the bot\'s message and a quoted reply to it');
  const greeting = page.locator('#phoneChat .bubble:not(.me)', { hasText: 'Olá Maria!' });
  await greeting.locator('button.react').click(wait);
  await page.locator('#botChat .bubble', { hasText: 'vnd.lime.reaction' }).waitFor(wait);
  await greeting.locator('button.quote').click(wait);
  await page.fill('#phoneText', 'Obrigada!');
  await page.click('#phoneSend');
  await page.locator('#botChat .bubble', { hasText: 'Obrigada!' }).waitFor(wait);

  step('a location and a contact');
  await page.click('#sendLocation');
  await page.locator('#botChat .bubble', { hasText: 'vnd.lime.location' }).waitFor(wait);
  await page.click('#sendContact');
  await page.locator('#botChat .bubble', { hasText: 'João Silva' }).waitFor(wait);

  step('a group: created, joined by link, written in, answered');
  await page.click('#botGroup');
  await page.waitForFunction(() => document.getElementById('inviteLink').value.startsWith('https://'), null, wait);
  await page.click('#joinGroup');
  await page.waitForFunction(() => document.getElementById('groupPick').value !== '', null, wait);
  await page.fill('#phoneText', 'Oi grupo');
  await page.click('#phoneSend');
  await page.locator('#botChat .bubble', { hasText: 'groups@' }).waitFor(wait);
  await page.fill('#botText', 'Bem-vindos!');
  await page.click('#botSend');
  await page.locator('#phoneChat .bubble:not(.me)', { hasText: 'in the groupBem-vindos!' }).waitFor(wait);

  step('outside the window: a template without opt-in and a text, both refused with their reasons');
  await page.selectOption('#groupPick', '');
  await page.fill('#botTo', '');
  await page.fill('#customer', '5531977770000');
  await page.click('#botTemplate');
  await page.locator('#botAnswer', { hasText: 'reason 32' }).waitFor(wait);
  const templateAnswer = await page.textContent('#botAnswer');
  await page.fill('#botText', 'Oi de novo');
  await page.click('#botSend');
  await page.locator('#botAnswer', { hasText: 'reason 66' }).waitFor(wait);
  const windowAnswer = await page.textContent('#botAnswer');
  await page.locator('#timeline .hop.bad', { hasText: 'reason 32' }).first().waitFor(wait);
  await page.locator('#timeline .hop.bad', { hasText: 'reason 66' }).first().waitFor(wait);

  await page.screenshot({ path: screenshot });
  console.log('RESULT ' + JSON.stringify({ templateAnswer, windowAnswer }));
} finally {
  await browser.close();
}
