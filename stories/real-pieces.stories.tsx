/// <reference types="vite/client" />
import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { ConnectionForm, type AuthInput } from '../src';
// The auth of real published pieces, as `npm run fixtures:pieces` wrote it; the conformance
// tests (test/conformance) read the same files, so tests and stories cannot drift apart.
import amazonS3 from '../fixtures/pieces/amazon-s3.json';
import baserow from '../fixtures/pieces/baserow.json';
import deepseek from '../fixtures/pieces/deepseek.json';
import gitea from '../fixtures/pieces/gitea.json';
import googleSheets from '../fixtures/pieces/google-sheets.json';
import httpOauth2 from '../fixtures/pieces/http-oauth2.json';
import intercom from '../fixtures/pieces/intercom.json';
import mistralAi from '../fixtures/pieces/mistral-ai.json';
import mongodb from '../fixtures/pieces/mongodb.json';
import mysql from '../fixtures/pieces/mysql.json';
import openai from '../fixtures/pieces/openai.json';
import slack from '../fixtures/pieces/slack.json';
import square from '../fixtures/pieces/square.json';
import twilio from '../fixtures/pieces/twilio.json';
import webflow from '../fixtures/pieces/webflow.json';
import woocommerce from '../fixtures/pieces/woocommerce.json';
import wordpress from '../fixtures/pieces/wordpress.json';
import zohoBookings from '../fixtures/pieces/zoho-bookings.json';
import zohoBigin from '../fixtures/pieces/zoho-bigin.json';
import zohoBooks from '../fixtures/pieces/zoho-books.json';
import { hostApp } from './oauth2-demo/oauth2-play';
import { expectControlsForEveryProp } from './play-helpers';

/** One fixture file: a published piece's `auth` (functions dropped) and where it came from. */
interface PieceFile {
  package: string;
  version: string;
  from: string;
  why: string;
  auth: unknown;
}

const pieces: Record<string, PieceFile> = {
  'amazon-s3': amazonS3,
  baserow,
  deepseek,
  gitea,
  'google-sheets': googleSheets,
  'http-oauth2': httpOauth2,
  intercom,
  'mistral-ai': mistralAi,
  mongodb,
  mysql,
  openai,
  slack,
  square,
  twilio,
  webflow,
  woocommerce,
  wordpress,
  'zoho-bigin': zohoBigin,
  'zoho-bookings': zohoBookings,
  'zoho-books': zohoBooks,
};

// Every file in fixtures/pieces must have its story here (the glob is lazy: nothing is loaded).
const fixtureFiles = Object.keys(import.meta.glob('../fixtures/pieces/*.json')).map((path) => path.replace(/^.*\/|\.json$/g, ''));
const withoutStory = fixtureFiles.filter((name) => !(name in pieces));

/**
 * The real `auth` of published Activepieces pieces (fixtures/pieces/*.json), unchanged. Each
 * story checks that every prop of every method has its control, found by role and label, with
 * its required mark, and no other control. OAuth2 methods use the host's own app, so they ask
 * for no client id; Connect would open the provider's real sign-in page.
 */
const meta = {
  title: 'ConnectionForm/Real pieces',
  component: ConnectionForm,
  args: { onConnect: fn() },
  beforeEach: () => {
    if (withoutStory.length) throw new Error(`fixtures/pieces without a story in real-pieces.stories.tsx: ${withoutStory.join(', ')}`);
  },
} satisfies Meta<typeof ConnectionForm>;

export default meta;
type Story = StoryObj<typeof meta>;

const isOAuth2 = (method: unknown) => (method as { type?: unknown } | undefined)?.type === 'OAUTH2';

function pieceStory(name: keyof typeof pieces): Story {
  const piece = pieces[name]!;
  const methods = Array.isArray(piece.auth) ? piece.auth : [piece.auth];
  return {
    args: { auth: piece.auth as AuthInput, ...(methods.some(isOAuth2) ? { oauth2: hostApp } : {}) },
    parameters: {
      docs: { description: { story: `\`${piece.package}\` ${piece.version}, from \`${piece.from}\`. ${piece.why}` } },
    },
    play: ({ canvasElement }) => expectControlsForEveryProp(canvasElement, piece.auth),
  };
}

export const AmazonS3: Story = { ...pieceStory('amazon-s3'), name: 'Amazon S3' };
export const Baserow: Story = { ...pieceStory('baserow'), name: 'Baserow' };
export const DeepSeek: Story = { ...pieceStory('deepseek'), name: 'DeepSeek' };
export const Gitea: Story = { ...pieceStory('gitea'), name: 'Gitea' };
export const GoogleSheets: Story = { ...pieceStory('google-sheets'), name: 'Google Sheets' };
export const HttpOAuth2: Story = { ...pieceStory('http-oauth2'), name: 'HTTP (OAuth2)' };
export const Intercom: Story = { ...pieceStory('intercom'), name: 'Intercom' };
export const MistralAI: Story = { ...pieceStory('mistral-ai'), name: 'Mistral AI' };
export const MongoDB: Story = { ...pieceStory('mongodb'), name: 'MongoDB' };
export const MySQL: Story = { ...pieceStory('mysql'), name: 'MySQL' };
export const OpenAI: Story = { ...pieceStory('openai'), name: 'OpenAI' };
export const Slack: Story = { ...pieceStory('slack'), name: 'Slack' };
export const Square: Story = { ...pieceStory('square'), name: 'Square' };
export const Twilio: Story = { ...pieceStory('twilio'), name: 'Twilio' };
export const Webflow: Story = { ...pieceStory('webflow'), name: 'Webflow' };
export const WooCommerce: Story = { ...pieceStory('woocommerce'), name: 'WooCommerce' };
export const WordPress: Story = { ...pieceStory('wordpress'), name: 'WordPress' };
export const ZohoBigin: Story = { ...pieceStory('zoho-bigin'), name: 'Zoho Bigin' };
export const ZohoBookings: Story = { ...pieceStory('zoho-bookings'), name: 'Zoho Bookings' };
export const ZohoBooks: Story = { ...pieceStory('zoho-books'), name: 'Zoho Books' };
