// One outbound e-mail as its reader gets it: the HTML in a sandboxed frame (no scripts, no
// access to the console), the plain text, and the header lines, with where its sending stands.
import { Grid, Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import { NumberField, ReferenceField, Show, TextField, useRecordContext, useTranslate, WithRecord } from 'react-admin';
import type { OutboundEmail } from '../api/types';
import { EnumField } from '../common/enums';
import { TimestampField } from '../common/fields';
import { FieldCell } from '../common/layout';
import { Section } from '../common/Section';

function HtmlPart() {
  const record = useRecordContext<OutboundEmail>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <iframe
      // An empty sandbox: the message's HTML runs no script and cannot reach the console.
      sandbox=""
      srcDoc={record.html}
      title={translate('vangnet.outbound.html_title', { subject: record.subject })}
      style={{ width: '100%', height: 520, border: '1px solid #8c8c8c', background: '#fff' }}
    />
  );
}

function TextPart() {
  const record = useRecordContext<OutboundEmail>();
  if (!record) return null;
  return (
    <Typography component="pre" variant="body2" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', fontFamily: 'monospace', m: 0 }} data-testid="outbound-text">
      {record.text}
    </Typography>
  );
}

function Headers() {
  const record = useRecordContext<OutboundEmail>();
  if (!record) return null;
  return (
    <Table size="small">
      <TableBody>
        {Object.entries(record.headers).map(([name, value]) => (
          <TableRow key={name}>
            <TableCell component="th" scope="row" sx={{ whiteSpace: 'nowrap' }}>
              {name}
            </TableCell>
            <TableCell sx={{ overflowWrap: 'anywhere' }}>{value}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

export function OutboundEmailShow() {
  const translate = useTranslate();
  return (
    <Show component="div">
      <Section title={<WithRecord<OutboundEmail> render={(r) => r.subject} />}>
        <Grid container spacing={2}>
          <FieldCell source="to">
            <TextField source="to" />
          </FieldCell>
          <FieldCell source="userId">
            <ReferenceField source="userId" reference="users" link={false} emptyText="—" />
          </FieldCell>
          <FieldCell source="status">
            <EnumField source="status" enumName="outboundEmailStatus" />
          </FieldCell>
          <FieldCell source="period">
            <TextField source="period" emptyText="—" />
          </FieldCell>
          <FieldCell source="attempts">
            <NumberField source="attempts" />
          </FieldCell>
          <FieldCell source="sentAt">
            <TimestampField source="sentAt" />
          </FieldCell>
          <FieldCell source="messageId" wide>
            <TextField source="messageId" emptyText="—" />
          </FieldCell>
          <FieldCell source="lastError" wide>
            <TextField source="lastError" emptyText="—" />
          </FieldCell>
        </Grid>
      </Section>
      <Section title={translate('resources.outbound-emails.fields.html')}>
        <HtmlPart />
      </Section>
      <Section title={translate('resources.outbound-emails.fields.text')}>
        <TextPart />
      </Section>
      <Section title={translate('resources.outbound-emails.fields.headers')}>
        <Headers />
      </Section>
    </Show>
  );
}
