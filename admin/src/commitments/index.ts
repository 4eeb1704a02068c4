import CommitmentIcon from '@mui/icons-material/Handshake';
import { CommitmentCreate } from './CommitmentCreate';
import { CommitmentEdit } from './CommitmentEdit';
import { CommitmentList } from './CommitmentList';
import { CommitmentShow } from './CommitmentShow';

export default {
  list: CommitmentList,
  show: CommitmentShow,
  edit: CommitmentEdit,
  create: CommitmentCreate,
  icon: CommitmentIcon,
  recordRepresentation: 'title',
};
